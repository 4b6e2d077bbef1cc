package analysis

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// readCSVColumn joins column col of every record of a CSV file (header
// skipped) with blank lines.
func readCSVColumn(b *testing.B, path string, col int) string {
	b.Helper()
	f, err := os.Open(path)
	if err != nil {
		b.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var sb strings.Builder
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || first || col >= len(rec) {
			continue
		}
		sb.WriteString(rec[col])
		sb.WriteString("\n\n")
	}
	if sb.Len() == 0 {
		b.Fatalf("%s: no text in column %d", path, col)
	}
	return sb.String()
}

// benchmarkAnalyze analyzes text paragraph by paragraph, as the indexer
// does, and reports throughput in MB/s of input, by wall time and by CPU
// time.
func benchmarkAnalyze(b *testing.B, text, lang string) {
	paras := strings.Split(text, "\n\n")
	a := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		for _, p := range paras {
			_ = a.Analyze(p, lang)
		}
	}
	// On a shared machine wall time understates speed; report MB per
	// CPU-second too (the benchmark runs on one goroutine).
	if cpu := cpuTime(b) - start; cpu > 0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkAnalyzeHindi runs over the BBC Hindi sample (345 articles,
// about 0.8 MB of real news text).
func BenchmarkAnalyzeHindi(b *testing.B) {
	text := readCSVColumn(b, sharedData(b, "corpora/bbc-hindi-sample/hindi-cleaned-test.csv"), 1)
	benchmarkAnalyze(b, text, "hi")
}

// BenchmarkAnalyzeEnglish runs over the IndicNews English headlines.
func BenchmarkAnalyzeEnglish(b *testing.B) {
	text := readCSVColumn(b, sharedData(b, "corpora/l3cube-indicnews/other-languages-shc-test/English_test_shc.csv"), 0)
	benchmarkAnalyze(b, text, "en")
}
