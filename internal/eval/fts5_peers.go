//go:build peers

package eval

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// fts5 is the peer that stands for SQLite full-text search as shipped:
// an FTS5 table with the default unicode61 tokenizer, queried with the
// question's tokens ORed and ranked by bm25().
type fts5 struct {
	db *sql.DB
}

func newFTS5(ctx context.Context, dir string, docs []Doc) (*fts5, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("peer fts5: %w", err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "fts5.db")+"?_pragma=journal_mode(wal)")
	if err != nil {
		return nil, fmt.Errorf("peer fts5: %w", err)
	}
	p := &fts5{db: db}
	fail := func(err error) (*fts5, error) {
		p.Close()
		return nil, fmt.Errorf("peer fts5: %w", err)
	}
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE docs USING fts5(docid UNINDEXED, body, tokenize = 'unicode61')`); err != nil {
		return fail(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO docs(docid, body) VALUES (?, ?)`)
	if err != nil {
		tx.Rollback()
		return fail(err)
	}
	for _, d := range docs {
		if _, err := stmt.ExecContext(ctx, d.ID, strings.TrimSpace(d.Title+"\n"+d.Text)); err != nil {
			stmt.Close()
			tx.Rollback()
			return fail(fmt.Errorf("document %s: %w", d.ID, err))
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return p, nil
}

// Search ORs the query's unicode61 tokens, each quoted, and ranks by
// bm25() (lower is better in SQLite).
func (p *fts5) Search(ctx context.Context, query string, k int) ([]string, error) {
	expr := fts5Query(query)
	if expr == "" {
		return nil, nil
	}
	rows, err := p.db.QueryContext(ctx, `SELECT docid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?`, expr, k)
	if err != nil {
		return nil, fmt.Errorf("peer fts5: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("peer fts5: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("peer fts5: %w", err)
	}
	return ids, nil
}

// fts5Query splits q the way unicode61 does by default (letters, numbers
// and private-use characters are token characters; everything else,
// combining marks included, separates), lowercases, and ORs the distinct
// tokens as quoted strings.
func fts5Query(q string) string {
	toks := strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.In(r, unicode.L, unicode.N, unicode.Co)
	})
	seen := map[string]bool{}
	var parts []string
	for _, t := range toks {
		t = strings.ToLower(t)
		if seen[t] {
			continue
		}
		seen[t] = true
		parts = append(parts, `"`+t+`"`)
	}
	return strings.Join(parts, " OR ")
}

func (p *fts5) Close() error { return p.db.Close() }
