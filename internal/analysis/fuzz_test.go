package analysis

import (
	"testing"
	"unicode/utf8"
)

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", "एस. जयशंकर ने १८ नवम्बर को कहा।", "India's G20 1,200", "के की का", "\xff\u093e", "मुंबईच्या शाळा"} {
		f.Add(s, "hi")
		f.Add(s, "mr")
	}
	a := New()
	f.Fuzz(func(t *testing.T, text, lang string) {
		prevEnd := 0
		for i, tok := range a.Analyze(text, lang) {
			switch {
			case tok.Pos != i:
				t.Fatalf("token %d %q: Pos %d", i, tok.Term, tok.Pos)
			case tok.Term == "":
				t.Fatalf("token %d of %q: empty term", i, text)
			case utf8.ValidString(text) && !utf8.ValidString(tok.Term):
				t.Fatalf("token %d of %q: term %q is not valid UTF-8", i, text, tok.Term)
			case tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text):
				t.Fatalf("token %d %q of %q: offsets [%d:%d] after %d", i, tok.Term, text, tok.Start, tok.End, prevEnd)
			case !utf8.ValidString(text[tok.Start:tok.End]):
				t.Fatalf("token %d of %q: word %q is not valid UTF-8", i, text, text[tok.Start:tok.End])
			}
			prevEnd = tok.End
		}
	})
}
