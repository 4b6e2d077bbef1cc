package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestLoadCorpus(t *testing.T) {
	in := "\ufeff{\"docid\": \"a0p0s0\", \"text\": \"मानसून केरल पहुंचा।\"}\r\n\n" +
		`{"id":"k1","title":"बजट पेश","text":"पहला पैरा।\n\nदूसरा पैरा।","language":"hi","url":"https://example.in/x"}` + "\n" +
		`{"docid":"t1","title":"केवल शीर्षक"}`
	got, err := LoadCorpus(strings.NewReader(in), "c.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{
		{ID: "a0p0s0", Text: "मानसून केरल पहुंचा।"},
		{ID: "k1", Title: "बजट पेश", Text: "पहला पैरा।\n\nदूसरा पैरा।", Language: "hi"},
		{ID: "t1", Title: "केवल शीर्षक"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LoadCorpus:\n got %+v\nwant %+v", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	long := `{"docid":"x","text":"` + strings.Repeat("क", MaxLineBytes/3+1) + `"}`
	tests := []struct {
		name, in, want string
		load           func(string) error
	}{
		{"corpus not json", "{\"docid\":\"a\",\"text\":\"क\"}\nनमस्ते\n", "c:2: not a JSON object", corpus},
		{"corpus no id", `{"text":"क"}`, `c:1: no "docid" or "id"`, corpus},
		{"corpus no text", `{"docid":"a"}`, `c:1: document "a" has no text and no title`, corpus},
		{"corpus repeated id", "{\"docid\":\"a\",\"text\":\"क\"}\n{\"id\":\"a\",\"text\":\"ख\"}", `c:2: document id "a" repeated`, corpus},
		{"corpus two values", `{"docid":"a","text":"क"} {}`, "c:1: more than one JSON value", corpus},
		{"corpus invalid utf-8", "{\"docid\":\"a\",\"text\":\"\xff\"}", "c:1: invalid UTF-8", corpus},
		{"corpus long line", long, "c:1: line longer than", corpus},
		{"topics no tab", "q1 कितने अंक?", "t:1: want qid<TAB>text", topics},
		{"topics empty text", "q1\t  ", "t:1: empty query id or text", topics},
		{"topics repeated", "q1\tक\nq1\tख", `t:2: query id "q1" repeated`, topics},
		{"qrels fields", "q1 0 d1", "r:1: want 4 fields", qrels},
		{"qrels grade", "q1 0 d1 yes", `r:1: grade "yes" is not an integer`, qrels},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.load(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func corpus(s string) error { _, err := LoadCorpus(strings.NewReader(s), "c"); return err }
func topics(s string) error { _, err := LoadTopics(strings.NewReader(s), "t"); return err }
func qrels(s string) error  { _, err := LoadQrels(strings.NewReader(s), "r"); return err }

func TestLoadTopicsAndQrels(t *testing.T) {
	tops, err := LoadTopics(strings.NewReader("q1\tपैंथर्स ने कितने अंक दिए?\n\nq2\tWho won?\textra\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	want := []Topic{{"q1", "पैंथर्स ने कितने अंक दिए?"}, {"q2", "Who won?\textra"}}
	if !reflect.DeepEqual(tops, want) {
		t.Errorf("LoadTopics: got %+v, want %+v", tops, want)
	}
	q, err := LoadQrels(strings.NewReader("q1 0 a0p0s0 1\nq1\t0\ta0p0s1\t0\nq2 0 a1p0s0 2\nq2 0 a1p0s1 -1\n"), "r")
	if err != nil {
		t.Fatal(err)
	}
	wantQ := Qrels{"q1": {"a0p0s0": 1, "a0p0s1": 0}, "q2": {"a1p0s0": 2, "a1p0s1": 0}}
	if !reflect.DeepEqual(q, wantQ) {
		t.Errorf("LoadQrels: got %v, want %v", q, wantQ)
	}
	if n := q.Relevant("q1"); n != 1 {
		t.Errorf("Relevant(q1): got %d, want 1", n)
	}
}

func TestLoadFilesMissing(t *testing.T) {
	_, _, _, err := LoadFiles("/nonexistent/corpus.jsonl", "t", "r")
	if err == nil || !strings.Contains(err.Error(), "corpus.jsonl") {
		t.Errorf("got %v, want an error naming the missing file", err)
	}
}

func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		`{"docid":"a0p0s0","text":"मानसून"}`, "q1\tकितने?", "q1 0 a0p0s0 1", "\ufeff\r\n", `{"id":null}`, "\xff\t\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := LoadCorpus(strings.NewReader(s), "c")
		if err == nil {
			for _, d := range docs {
				if d.ID == "" || (d.Text == "" && d.Title == "") {
					t.Errorf("LoadCorpus(%q): bad doc %+v", s, d)
				}
			}
		}
		if tops, err := LoadTopics(strings.NewReader(s), "t"); err == nil {
			for _, tp := range tops {
				if tp.ID == "" || tp.Text == "" {
					t.Errorf("LoadTopics(%q): bad topic %+v", s, tp)
				}
			}
		}
		if q, err := LoadQrels(strings.NewReader(s), "r"); err == nil {
			for _, m := range q {
				for _, g := range m {
					if g < 0 {
						t.Errorf("LoadQrels(%q): negative grade", s)
					}
				}
			}
		}
	})
}
