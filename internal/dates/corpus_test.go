package dates

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/shareddata"
)

// sharedData returns the shared data directory (env KHABAR_SHARED_DATA, or
// ../shared/data beside the repository root) or skips the test.
func sharedData(t *testing.T) string {
	t.Helper()
	return shareddata.Dir(t)
}

var annValue = regexp.MustCompile(`value="(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?)"`)

// TestIASNLPAccuracy scores Parse on the IASNLP 2018 brat annotations: every
// Date or Time span whose normalised value is a calendar date, parsed with
// the article's publish time as reference. Relative expressions ("तीन घंटे
// पहले", "बुधवार") are counted apart: Parse does not read them by design.
func TestIASNLPAccuracy(t *testing.T) {
	root := filepath.Join(sharedData(t), "temporal", "iasnlp2018-hindi-timex3")
	anns, _ := filepath.Glob(filepath.Join(root, "brat-set-*", "*.ann"))
	if len(anns) == 0 {
		t.Skipf("no brat annotations under %s", root)
	}
	var absTotal, absOK, relTotal, relOK, anchors, anchorsOK int
	for _, ann := range anns {
		txt, err := os.ReadFile(strings.TrimSuffix(ann, ".ann") + ".txt")
		if err != nil {
			continue
		}
		text := []rune(string(txt))
		var ref time.Time
		lines := strings.SplitN(string(txt), "\n", 3)
		if len(lines) >= 2 && strings.HasPrefix(lines[1], "Publish Date:") {
			anchors++
			if ms, ok := ParseLine(strings.TrimSpace(lines[1]), time.Time{}); ok {
				anchorsOK++
				ref = ms[0].Time
			}
		}
		spans, values := readAnn(t, ann)
		for id, v := range values {
			sp, ok := spans[id]
			if !ok || sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] {
				continue
			}
			s := string(text[sp[0]:sp[1]])
			got, ok := Parse(s, ref)
			layout := "2006-01-02"
			if strings.Contains(v, "T") {
				layout = "2006-01-02T15:04"
			}
			correct := ok && got.In(IST).Format(layout) == v
			if strings.ContainsAny(s, "0123456789०१२३४५६७८९") {
				absTotal++
				if correct {
					absOK++
				}
			} else {
				relTotal++
				if correct {
					relOK++
				}
			}
		}
	}
	t.Logf("IASNLP publish lines parsed: %d/%d", anchorsOK, anchors)
	t.Logf("IASNLP spans with digits: %d/%d correct (%.1f%%)", absOK, absTotal, pct(absOK, absTotal))
	t.Logf("IASNLP spans without digits (relative, not supported): %d/%d correct", relOK, relTotal)
	if anchorsOK != anchors {
		t.Errorf("publish lines: got %d/%d parsed, want all", anchorsOK, anchors)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// readAnn reads brat text-bound spans (id → [start,end) in runes) and the
// date values of AnnotatorNotes (span id → value).
func readAnn(t *testing.T, path string) (map[string][2]int, map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	spans := map[string][2]int{}
	values := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 {
			continue
		}
		switch {
		case strings.HasPrefix(cols[0], "T"):
			f := strings.Fields(cols[1])
			if len(f) != 3 || (f[0] != "Date" && f[0] != "Time") {
				continue
			}
			a, err1 := strconv.Atoi(f[1])
			b, err2 := strconv.Atoi(f[2])
			if err1 == nil && err2 == nil {
				spans[cols[0]] = [2]int{a, b}
			}
		case strings.HasPrefix(cols[0], "#"):
			f := strings.Fields(cols[1])
			if len(f) == 2 {
				if m := annValue.FindStringSubmatch(cols[2]); m != nil {
					values[f[1]] = m[1]
				}
			}
		}
	}
	return spans, values
}
