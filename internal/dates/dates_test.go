package dates

import (
	"testing"
	"time"
	"unicode/utf8"
)

func ist(y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, IST)
}

func TestParse(t *testing.T) {
	ref := ist(2025, time.November, 20, 12, 0, 0)
	tests := []struct {
		name string
		in   string
		ref  time.Time
		want time.Time
		ok   bool
	}{
		{"hindi day month year", "18 नवंबर 2025", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"hindi variant spelling with time", "18 नवम्बर, 2025 10:30 AM IST", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"hindi weekday", "मंगलवार, 18 नवंबर 2025", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"english month first", "Nov 18, 2025 10:30 IST", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"english full month pm", "November 18, 2025 4:05 pm IST", time.Time{}, ist(2025, 11, 18, 16, 5, 0), true},
		{"iso with offset", "2025-11-18T10:30:00+05:30", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"iso utc", "2025-11-18T05:00:00Z", time.Time{}, time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC), true},
		{"iso date only", "2025-11-18", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"slash day first", "18/11/2025", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"slash ambiguous is day first", "03/04/2025", time.Time{}, ist(2025, 4, 3, 0, 0, 0), true},
		{"slash month first when forced", "11/18/2025", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"dotted", "18.11.2025 10.30", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"devanagari digits", "१८ नवंबर २०२५", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"devanagari digits and time", "१८ नवंबर २०२५, १०:३० बजे", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"hindi label", "अपडेटेड: 18 नवंबर 2025, 10:30 AM IST", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"english label", "Updated: 18 Nov 2025, 10:30 AM IST", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"published label", "Published: Nov 18, 2025", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"prakashit label", "प्रकाशित: 5 फ़रवरी 2026 07:15 PM", time.Time{}, ist(2026, 2, 5, 19, 15, 0), true},
		{"time before date", "10:30 AM IST, 18 Nov 2025", time.Time{}, ist(2025, 11, 18, 10, 30, 0), true},
		{"ordinal", "18th November 2025", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"hyphenated month", "18-Nov-2025", time.Time{}, ist(2025, 11, 18, 0, 0, 0), true},
		{"paren ist", "Thu, 30 Nov 2017 02:40 PM (IST)", time.Time{}, ist(2017, 11, 30, 14, 40, 0), true},
		{"twelve am", "1 Jan 2026 12:05 AM", time.Time{}, ist(2026, 1, 1, 0, 5, 0), true},
		{"a.m. dotted", "1 Jan 2026 9:05 a.m.", time.Time{}, ist(2026, 1, 1, 9, 5, 0), true},
		{"marathi month", "१२ ऑक्टोबर २०२५", time.Time{}, ist(2025, 10, 12, 0, 0, 0), true},
		{"nukta month", "3 अक्तूबर 2025", time.Time{}, ist(2025, 10, 3, 0, 0, 0), true},
		{"german dotted day", "4. Februar 2022", time.Time{}, ist(2022, 2, 4, 0, 0, 0), true},
		{"german weekday and label", "Veröffentlicht am Freitag, 21. Januar 2022", time.Time{}, ist(2022, 1, 21, 0, 0, 0), true},
		{"german umlaut month", "3. März 2020, 14:05", time.Time{}, ist(2020, 3, 3, 14, 5, 0), true},
		{"french", "Publié le 28 juin 2019", time.Time{}, ist(2019, 6, 28, 0, 0, 0), true},
		{"french first", "1er août 2020", time.Time{}, ist(2020, 8, 1, 0, 0, 0), true},
		{"spanish de", "5 de marzo de 2020", time.Time{}, ist(2020, 3, 5, 0, 0, 0), true},
		{"italian", "12 settembre 2021", time.Time{}, ist(2021, 9, 12, 0, 0, 0), true},
		{"no year no ref", "18 नवंबर", time.Time{}, time.Time{}, false},
		{"no year with ref", "18 नवंबर", ref, ist(2025, 11, 18, 0, 0, 0), true},
		{"no year crosses new year", "30 दिसंबर", ist(2026, 1, 2, 9, 0, 0), ist(2025, 12, 30, 0, 0, 0), true},
		{"month first no year with ref", "Nov 18", ref, ist(2025, 11, 18, 0, 0, 0), true},
		{"invalid day", "31 नवंबर 2025", time.Time{}, time.Time{}, false},
		{"invalid feb 29", "29 Feb 2025", time.Time{}, time.Time{}, false},
		{"leap feb 29", "29 Feb 2024", time.Time{}, ist(2024, 2, 29, 0, 0, 0), true},
		{"invalid hour", "18 Nov 2025 25:10", time.Time{}, time.Time{}, false},
		{"pm hour over twelve", "18 Nov 2025 14:10 PM", time.Time{}, time.Time{}, false},
		{"two digit year", "18/11/25", time.Time{}, time.Time{}, false},
		{"time only", "10:45 AM IST", time.Time{}, time.Time{}, false},
		{"extra words", "18 नवंबर 2025 को बैठक हुई", time.Time{}, time.Time{}, false},
		{"two dates", "18 Nov 2025 19 Nov 2025", time.Time{}, time.Time{}, false},
		{"empty", "", time.Time{}, time.Time{}, false},
		{"year out of range", "18 Nov 1800", time.Time{}, time.Time{}, false},
		{"month name only", "नवंबर 2025", time.Time{}, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in, tt.ref)
			if ok != tt.ok {
				t.Fatalf("Parse(%q) ok = %v, want %v (got %v)", tt.in, ok, tt.ok, got)
			}
			if ok && !got.Equal(tt.want) {
				t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
			}
			if ok && got.Format(time.RFC3339) != tt.want.Format(time.RFC3339) {
				t.Errorf("Parse(%q) zone: got %s, want %s", tt.in, got.Format(time.RFC3339), tt.want.Format(time.RFC3339))
			}
		})
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		kinds []Kind
		times []time.Time
		ok    bool
	}{
		{"published and updated", "Publish Date:Thu, 30 Nov 2017 02:40 PM (IST) | Updated Date:Thu, 30 Nov 2017 03:10 PM (IST)",
			[]Kind{Published, Updated}, []time.Time{ist(2017, 11, 30, 14, 40, 0), ist(2017, 11, 30, 15, 10, 0)}, true},
		{"hindi labels", "प्रकाशित: 18 नवंबर 2025 | अपडेटेड: 19 नवंबर 2025",
			[]Kind{Published, Updated}, []time.Time{ist(2025, 11, 18, 0, 0, 0), ist(2025, 11, 19, 0, 0, 0)}, true},
		{"last updated on", "Last Updated on Nov 18, 2025 10:30 IST",
			[]Kind{Updated}, []time.Time{ist(2025, 11, 18, 10, 30, 0)}, true},
		{"german labels", "Veröffentlicht am 25.01.2022 | Aktualisiert am 26.01.2022",
			[]Kind{Published, Updated}, []time.Time{ist(2022, 1, 25, 0, 0, 0), ist(2022, 1, 26, 0, 0, 0)}, true},
		{"french labels", "Publié le 9 décembre 2019, mis à jour le 10 décembre 2019",
			[]Kind{Published, Updated}, []time.Time{ist(2019, 12, 9, 0, 0, 0), ist(2019, 12, 10, 0, 0, 0)}, true},
		{"german last change", "Letzte Änderung: 14.01.2022",
			[]Kind{Updated}, []time.Time{ist(2022, 1, 14, 0, 0, 0)}, true},
		{"unlabelled", "18 नवंबर 2025", []Kind{Unlabelled}, []time.Time{ist(2025, 11, 18, 0, 0, 0)}, true},
		{"byline is not a date line", "Deepak Kumar | 18 Nov 2025", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, ok := ParseLine(tt.in, time.Time{})
			if ok != tt.ok {
				t.Fatalf("ParseLine(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if len(ms) != len(tt.kinds) {
				t.Fatalf("ParseLine(%q) gave %d matches, want %d", tt.in, len(ms), len(tt.kinds))
			}
			for i, m := range ms {
				if m.Kind != tt.kinds[i] {
					t.Errorf("match %d kind: got %v, want %v", i, m.Kind, tt.kinds[i])
				}
				if !m.Time.Equal(tt.times[i]) {
					t.Errorf("match %d time: got %v, want %v", i, m.Time, tt.times[i])
				}
			}
		})
	}
}

func TestFind(t *testing.T) {
	text := "भारत के विदेश मंत्री मंगलवार (18 नवंबर) को मॉस्को पहुंचे। अगली बैठक 2 दिसंबर 2025 को होगी।"
	t.Run("no ref drops year-less", func(t *testing.T) {
		ms := Find(text, time.Time{})
		if len(ms) != 1 {
			t.Fatalf("got %d matches, want 1: %+v", len(ms), ms)
		}
		if got, want := text[ms[0].Start:ms[0].End], "2 दिसंबर 2025"; got != want {
			t.Errorf("span: got %q, want %q", got, want)
		}
	})
	t.Run("ref infers year", func(t *testing.T) {
		ms := Find(text, ist(2025, 11, 19, 0, 0, 0))
		if len(ms) != 2 {
			t.Fatalf("got %d matches, want 2: %+v", len(ms), ms)
		}
		if !ms[0].YearInferred || ms[1].YearInferred {
			t.Errorf("YearInferred: got %v,%v, want true,false", ms[0].YearInferred, ms[1].YearInferred)
		}
		if got, want := ms[0].Time, ist(2025, 11, 18, 0, 0, 0); !got.Equal(want) {
			t.Errorf("first: got %v, want %v", got, want)
		}
	})
	t.Run("weekday included in span", func(t *testing.T) {
		s := "बैठक शुक्रवार, 21 नवंबर 2025 को है"
		ms := Find(s, time.Time{})
		if len(ms) != 1 {
			t.Fatalf("got %d matches, want 1", len(ms))
		}
		if got, want := s[ms[0].Start:ms[0].End], "शुक्रवार, 21 नवंबर 2025"; got != want {
			t.Errorf("span: got %q, want %q", got, want)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"18 नवंबर 2025", "Nov 18, 2025 10:30 IST", "2025-11-18T10:30:00+05:30",
		"18/11/2025", "१८ नवंबर २०२५", "अपडेटेड: 18 नवंबर 2025, 10:30 AM IST", "10:30 a.", "+99:99", "\xff\xfe"} {
		f.Add(s)
	}
	ref := ist(2025, 11, 20, 0, 0, 0)
	f.Fuzz(func(t *testing.T, s string) {
		tm, ok := Parse(s, ref)
		if ok && (tm.Year() < 1900 || tm.Year() > 2100) {
			t.Errorf("Parse(%q) = %v outside the accepted years", s, tm)
		}
		for _, m := range Find(s, time.Time{}) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("Find(%q) span [%d,%d) out of range", s, m.Start, m.End)
			}
			if m.YearInferred {
				t.Errorf("Find(%q) inferred a year without a reference", s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[m.Start:m.End]) {
				t.Errorf("Find(%q) span cuts a rune", s)
			}
		}
	})
}
