package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTranslitCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // substrings of stdout
		code int
	}{
		{"latin", []string{"translit", "--n", "3", "Modi"}, []string{"मोदी", "keys MODI"}, 0},
		{"devanagari", []string{"translit", "जयशंकर"}, []string{"jayshankar", "key JISNKR"}, 0},
		{"no words", []string{"translit"}, nil, 2},
		{"bad n", []string{"translit", "--n", "0", "modi"}, nil, 2},
		{"missing vocab", []string{"translit", "--vocab", "/nonexistent/words.txt", "modi"}, nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := khabar(t, t.TempDir(), "", tc.args...)
			if got := exitCode(err); got != tc.code {
				t.Fatalf("exit code %d (%v), want %d", got, err, tc.code)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output %q, want it to contain %q", out, w)
				}
			}
		})
	}
}

func TestTranslitCommandVocab(t *testing.T) {
	vocab := filepath.Join(t.TempDir(), "words.txt")
	if err := os.WriteFile(vocab, []byte("अंकन का काम पूरा हुआ।\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"translit", "--n", "1", "ankan"}, "1. आंकन"},
		{[]string{"translit", "--n", "1", "--vocab", vocab, "ankan"}, "1. अंकन"},
	} {
		out, _, err := khabar(t, t.TempDir(), "", tc.args...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%v: got %q, want it to contain %q", tc.args, out, tc.want)
		}
	}
}

func TestTranslitCommandJSON(t *testing.T) {
	out, _, err := khabar(t, t.TempDir(), "", "translit", "--json", "Putin", "पुतिन")
	if err != nil {
		t.Fatal(err)
	}
	var res []struct {
		Input      string `json:"input"`
		Candidates []struct {
			Text  string  `json:"text"`
			Score float64 `json:"score"`
		} `json:"candidates"`
		Romanized string `json:"romanized"`
		Key       string `json:"key"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(res) != 2 || len(res[0].Candidates) != 5 || res[1].Romanized != "putin" || res[0].Key != res[1].Key {
		t.Errorf("got %+v, want 5 candidates for Putin, putin for पुतिन, and one key", res)
	}
}

func TestEvalCommand(t *testing.T) {
	if _, _, err := khabar(t, t.TempDir(), "", "eval", "nosuch"); exitCode(err) != 2 || !strings.Contains(err.Error(), "unknown eval subject") {
		t.Errorf("eval nosuch: got %v, want exit 2 and unknown eval subject", err)
	}
	if _, _, err := khabar(t, t.TempDir(), "", "eval", "translit", "--dataset", "x"); exitCode(err) != 2 {
		t.Errorf("eval translit --dataset x: got %v, want exit 2", err)
	}
	shared := sharedData(t)
	out, _, err := khabar(t, t.TempDir(), "", "eval", "translit", "--shared", shared, "--dataset", "news2012", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Subject string `json:"subject"`
		Results []struct {
			Dataset string  `json:"dataset"`
			Items   int     `json:"items"`
			Top1    float64 `json:"top1"`
			TopK    float64 `json:"topk"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(res.Results) != 1 || res.Results[0].Items != 1000 || res.Results[0].TopK < res.Results[0].Top1 || res.Results[0].TopK < 0.5 {
		t.Errorf("got %+v, want 1000 NEWS 2012 items with top-5 ≥ 0.5", res)
	}
}

func TestReadVocabulary(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":       "किसान मंडी पहुंचे। किसान खुश हैं।\n",
		"sub/b.csv":   "label,text\nkhel,\"टीम ने मैच जीता\"\n",
		"c.bin":       "यह फ़ाइल गिनी नहीं जाती\n",
		"d.JSONL":     "{\"text\":\"बारिश\"}\n",
		"only.txt.gz": "गिनी नहीं",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		paths   []string
		words   int
		wantErr string
	}{
		{"directory", []string{dir}, 10, ""},
		{"one file", []string{filepath.Join(dir, "a.txt")}, 5, ""},
		{"file and file", []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "d.JSONL")}, 6, ""},
		{"missing", []string{filepath.Join(dir, "nosuch")}, 0, "nosuch"},
		{"no words", []string{filepath.Join(dir, "sub", "nothing")}, 0, "nothing"},
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "nothing"), []byte("plain ascii\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws, err := readVocabulary(context.Background(), tc.paths)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got %v, want an error naming %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ws.Len() != tc.words {
				t.Errorf("got %d words, want %d", ws.Len(), tc.words)
			}
		})
	}
}

func TestEvalTranslitVocabAndTables(t *testing.T) {
	shared := sharedData(t)
	vocab := filepath.Join(t.TempDir(), "words.txt")
	if err := os.WriteFile(vocab, []byte("दिल्ली पुलिस ने जांच शुरू की।\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := khabar(t, t.TempDir(), "", "eval", "translit", "--shared", shared, "--dataset", "news2012", "--vocab", vocab, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Results []struct {
			Items      int `json:"items"`
			VocabWords int `json:"vocab_words"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(res.Results) != 1 || res.Results[0].Items != 1000 || res.Results[0].VocabWords != 6 {
		t.Errorf("got %+v, want 1000 items scored with a 6-word vocabulary", res)
	}
	bad := filepath.Join(t.TempDir(), "bad.gz")
	if err := os.WriteFile(bad, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := khabar(t, t.TempDir(), "", "eval", "translit", "--shared", shared, "--tables", bad); err == nil || !strings.Contains(err.Error(), "bad.gz") {
		t.Errorf("--tables bad.gz: got %v, want an error naming the file", err)
	}
}
