package xlate

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/analysis"
)

func TestParse(t *testing.T) {
	d, err := Parse(strings.NewReader("# comment\n\nGovernment\tसरकार|शासन:0.5\ngovernments\tहुकूमत:0.25\r\nriver\tनदी\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want string
	}{
		{"government", "[{सरकार 1} {शासन 0.5} {हुकूमत 0.25}]"},
		{"GOVERNMENTS", "[{सरकार 1} {शासन 0.5} {हुकूमत 0.25}]"},
		{"rivers", "[{नदी 1}]"},
		{"lake", "[]"},
		{"नदी", "[]"},
		{"", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := fmt.Sprint(d.Lookup(tt.word)); got != tt.want {
				t.Errorf("Lookup(%q): got %s, want %s", tt.word, got, tt.want)
			}
		})
	}
	if d.Len() != 2 || d.Pairs() != 4 {
		t.Errorf("got %d headwords, %d pairs; want 2, 4", d.Len(), d.Pairs())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no tab", "government सरकार\n", "line 1: want headword<TAB>renderings"},
		{"two tabs", "a\tसरकार\tशासन\n", "line 1: want headword<TAB>renderings"},
		{"bad headword", "सरकार\tसरकार\n", `line 1: headword "सरकार" is not one Latin word`},
		{"latin rendering", "x\tsarkar\n", `rendering "sarkar" is not one Devanagari word`},
		{"two words", "together\tएक साथ\n", `rendering "एक साथ" is not one Devanagari word`},
		{"empty rendering", "a\tसरकार|\n", `rendering "" is not one Devanagari word`},
		{"bad weight", "a\tसरकार:2\n", `weight "2", want a number in (0, 1]`},
		{"zero weight", "a\tसरकार:0\n", `weight "0"`},
		{"bad utf8", "a\t\xff\n", "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in), "t")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	line := "government\tसरकार\n"
	big := strings.Repeat(line, MaxDictBytes/len(line)+2)
	if _, err := Parse(strings.NewReader(big), "big"); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("got %v, want a size error", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("government\tसरकार|शासन:0.5\n")
	f.Add("# c\nx\tक:1e-3\n")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Parse(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := d.Write(&buf, ""); err != nil {
			t.Fatal(err)
		}
		again, err := Parse(&buf, "again")
		if err != nil {
			t.Fatalf("written dictionary does not parse: %v\n%s", err, buf.String())
		}
		if again.Pairs() != d.Pairs() {
			t.Errorf("round trip: got %d pairs, want %d", again.Pairs(), d.Pairs())
		}
	})
}

func TestMergeKeepsHeavierWeight(t *testing.T) {
	a, _ := Parse(strings.NewReader("war\tयुद्ध:0.4\n"), "a")
	b, _ := Parse(strings.NewReader("war\tयुद्ध|लड़ाई:0.3\n"), "b")
	got := fmt.Sprint(Merge(a, nil, b).Lookup("war"))
	if want := "[{युद्ध 1} {लड़ाई 0.3}]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestEmbeddedTables checks that both shipped tables parse and that every
// glossary rendering is one Hindi term that is not a stop word, so that
// none is silently skipped at query time.
func TestEmbeddedTables(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := Glossary()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Learned(); err != nil {
		t.Fatal(err)
	}
	if g.Len() < 800 || d.Len() < g.Len() {
		t.Errorf("got %d glossary and %d merged headwords, want at least 800 and more", g.Len(), d.Len())
	}
	an := analysis.New()
	for k, ts := range g.m {
		for _, tr := range ts {
			if toks := an.Analyze(tr.Hindi, "hi"); len(toks) != 1 {
				t.Errorf("glossary %s → %s: got %d Hindi terms, want 1", k, tr.Hindi, len(toks))
			}
		}
	}
	for _, tt := range []struct{ word, want string }{
		{"Government", "सरकार"}, {"centuries", "सदी"}, {"won", "जीता"}, {"rivers", "नदी"},
	} {
		if ts := d.Lookup(tt.word); len(ts) == 0 || ts[0].Hindi != tt.want {
			t.Errorf("Default().Lookup(%q): got %v, want %s first", tt.word, ts, tt.want)
		}
	}
}

func TestLookupBases(t *testing.T) {
	d, err := Parse(strings.NewReader("old\tपुराना\nbig\tबड़ा\nearly\tशुरुआती\nlarge\tबड़ा\nmain\tमुख्य\ngeneral\tसामान्य\nwater\tपानी\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ word, want string }{
		{"oldest", "पुराना"}, {"bigger", "बड़ा"}, {"earliest", "शुरुआती"}, {"larger", "बड़ा"},
		{"mainly", "मुख्य"}, {"generally", "सामान्य"}, {"water", "पानी"}, {"wat", ""}, {"fly", ""},
	} {
		got := ""
		if ts := d.Lookup(tt.word); len(ts) > 0 {
			got = ts[0].Hindi
		}
		if got != tt.want {
			t.Errorf("Lookup(%q): got %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestIsQuestionWord(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"What", true}, {"how", true}, {"many", true}, {"Who", true}, {"WHO", false},
		{"government", false}, {"W", false}, {"", false},
	} {
		if got := IsQuestionWord(tt.w); got != tt.want {
			t.Errorf("IsQuestionWord(%q): got %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"Elections", "election"}, {"India's", "india"}, {"सरकार", ""}, {"covid19", ""}, {" war ", "war"},
	} {
		if got := Key(tt.w); got != tt.want {
			t.Errorf("Key(%q): got %q, want %q", tt.w, got, tt.want)
		}
	}
}
