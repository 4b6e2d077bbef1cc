// Package sqlite is khabar's embedded news.Store: one SQLite database file,
// khabar.db, inside the data directory, opened through the pure-Go driver
// modernc.org/sqlite (no cgo).
//
// # Layout
//
// Articles are stored as their JSON form (the news.Article contract) next to
// a few queryable columns: url, source, language, published (UTC, RFC 3339,
// NULL when unknown), ingested_at and updated_at. Every content change takes
// the next value of a sequence counter that lives in the database, so
// sequence numbers only grow and are never reused, even after deletions. A
// deletion removes the article row and leaves a tombstone holding the
// deletion's sequence number, which is how Changes reports it. The schema is
// built by append-only migrations, each in its own transaction, recorded in
// the schema_version table; Open runs the pending ones.
//
// Reading an article decodes its JSON with a decoder for exactly the form
// json.Marshal writes (strings without escapes are not copied); any other
// document (an unknown or repeated key, a null, bad JSON) goes through
// json.Unmarshal, so the article and the errors are json.Unmarshal's.
//
// # Concurrency and durability
//
// A Store is safe for concurrent use. Writes go through a single connection
// and so are serialized; reads use a separate pool of read-only connections
// and, thanks to SQLite's write-ahead log (WAL), proceed while a long ingest
// is writing. Several processes may open the same directory: a busy
// database is waited for (busy_timeout) rather than failed at once.
//
// The database runs with synchronous=NORMAL, which in WAL mode never corrupts
// the database and keeps every committed Put across a crash of the process;
// only the last transactions before a power loss or operating-system crash
// may be rolled back, because the log is synced at checkpoints rather than
// at every commit. khabar can re-ingest such articles. On the development
// machine the trade is worth 10–20% of ingest speed (batches of 256 and
// single-article puts alike); on disks where a sync is slow it is worth far
// more.
package sqlite
