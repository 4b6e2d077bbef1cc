// Package analysis turns text into index terms. It is the one place where
// index-time and query-time analysis are defined, so both always agree.
package analysis
