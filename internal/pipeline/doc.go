// Package pipeline runs ingestion: items from internal/ingest are extracted
// in a bounded pool of workers, stored in batches by one writer, and then
// the derived index catches up with the store. One bad item never stops a
// batch: each failure is reported with its origin and the run goes on.
package pipeline
