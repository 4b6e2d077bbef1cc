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
