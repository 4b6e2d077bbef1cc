package translit

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The shipped tables, derived from the Dakshina Hindi lexicon's training
// split (CC BY-SA 4.0) and MIT/GODL name lists (see tables/README.md).
// Rebuild with go generate.
//
//go:generate go run ./gen -out tables/hi.gz
//go:embed tables/hi.gz
var hiTables []byte

// loadDefault parses the shipped tables once, on first use.
var loadDefault = sync.OnceValue(func() *Model {
	m, err := ReadModel(bytes.NewReader(hiTables))
	if err != nil {
		// The tables are part of the binary and covered by tests: a broken
		// table is a build defect, not bad input.
		panic(fmt.Sprintf("translit: embedded tables: %v", err))
	}
	return m
})

// defaultModel returns the model of the shipped tables.
func defaultModel() *Model { return loadDefault() }

// Default returns the model of the shipped tables, loading them on first
// use (about 0.4 s on a busy 2-core machine).
func Default() *Model { return loadDefault() }
