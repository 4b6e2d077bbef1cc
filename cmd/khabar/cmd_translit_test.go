package main

import (
	"encoding/json"
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
