// Package extract turns what khabar fetched into news.Article values: plain
// text scraped from a news page (FromText) and, later, HTML. The line rules
// for Indian news pages — ad and share furniture, "यह भी पढ़ें" links,
// bylines and agency credits, photo credits, tag lines — live in
// boilerplate*.go and are shared by both paths.
//
// Extraction never invents: a value the page does not carry (a year, an
// author, a date) is left empty, lines it drops are kept in
// Article.Removed, and doubtful decisions are listed in Article.Warnings.
// The functions are pure and safe for concurrent use.
package extract
