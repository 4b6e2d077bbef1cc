package translit

import (
	"bytes"
	"testing"
)

func BenchmarkLoadTables(b *testing.B) {
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(hiTables)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCandidates(b *testing.B) {
	m := Default()
	words := []string{"jaishankar", "modi", "varanasi", "pradhanmantri", "kejriwal"}
	for i := 0; b.Loop(); i++ {
		m.Candidates(words[i%len(words)], 5)
	}
}

func BenchmarkKey(b *testing.B) {
	for b.Loop() {
		Key("जयशंकर")
	}
}

// BenchmarkCandidatesWithVocabulary is BenchmarkCandidates with the
// vocabulary of the shared Hindi news corpora (evaluation data, read at
// run time; skipped when absent).
func BenchmarkCandidatesWithVocabulary(b *testing.B) {
	ws := corporaVocabulary(b)
	m := Default()
	words := []string{"jaishankar", "modi", "varanasi", "pradhanmantri", "kejriwal"}
	for i := 0; b.Loop(); i++ {
		m.CandidatesWith(words[i%len(words)], 5, ws)
	}
}

// BenchmarkKeys measures the query path's Keys of a Latin term.
func BenchmarkKeys(b *testing.B) {
	words := []string{"jaishankar", "modi", "varanasi", "pradhanmantri", "kejriwal"}
	Keys(words[0]) // load the tables outside the loop
	for i := 0; b.Loop(); i++ {
		Keys(words[i%len(words)])
	}
}
