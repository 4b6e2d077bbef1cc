package indic

import "testing"

func TestStemHindi(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"जयशंकर", "जयशंकर"}, // name: "कर" is never a suffix
		{"शंकर", "शंकर"},
		{"भास्कर", "भास्कर"},
		{"करेगा", "कर"},
		{"करेगी", "कर"},
		{"करेंगे", "कर"},
		{"करेंगी", "कर"},
		{"करेँगे", "कर"}, // chandrabindu spelling
		{"करना", "कर"},
		{"करने", "कर"},
		{"करती", "कर"},
		{"करता", "कर"},
		{"करें", "कर"},
		{"लड़का", "लड़क"},
		{"लड़की", "लड़क"},
		{"लड़के", "लड़क"},
		{"लड़कों", "लड़क"},
		{"लड़कियाँ", "लड़क"},
		{"किताब", "किताब"},
		{"किताबें", "किताब"},
		{"किताबों", "किताब"},
		{"सेना", "सेन"}, // never "से": that is below the minimum stem
		{"सेनाओं", "सेन"},
		{"नेता", "नेत"}, // "ने" is too short, so only -ा goes
		{"नेताओं", "नेत"},
		{"कहानी", "कहान"}, // not "कहा": a consonant suffix may not follow a matra
		{"कहानियों", "कहान"},
		{"कविता", "कवित"},
		{"कविताओं", "कवित"},
		{"दो", "दो"},
		{"के", "के"},
		{"घर", "घर"},
		{"एक", "एक"},
		{"एस", "एस"},
		{"मोदी", "मोदी"}, // protected name
		{"पटना", "पटना"},
		{"मुलाकात", "मुलाकात"},
		{"बताया", "बत"},
		{"बताना", "बत"},
		{"पहुँचना", "पहुँच"},
		{"कोविड19", "कोविड19"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := StemHindi(tt.in); got != tt.want {
				t.Errorf("StemHindi(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStemEnglish(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"india's", "india"},
		{"students'", "student"},
		{"policies", "policy"},
		{"policy", "policy"},
		{"matches", "match"},
		{"classes", "class"},
		{"votes", "vote"},
		{"voted", "vote"},
		{"voting", "vote"},
		{"stopped", "stop"},
		{"running", "run"},
		{"created", "creat"},
		{"create", "creat"},
		{"announced", "announc"},
		{"announce", "announc"},
		{"price", "price"},
		{"prices", "price"},
		{"agreed", "agre"},
		{"agree", "agre"},
		{"applied", "apply"},
		{"need", "need"},
		{"speed", "speed"},
		{"king", "king"},
		{"string", "string"},
		{"news", "news"},
		{"crisis", "crisis"},
		{"famous", "famous"},
		{"business", "business"},
		{"beijing", "beijing"},
		{"ahmed", "ahmed"},
		{"jaishankar", "jaishankar"},
		{"modi", "modi"},
		{"gas", "gas"},
		{"bus", "bus"},
		{"was", "was"},
		{"g20", "g20"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := StemEnglish(tt.in); got != tt.want {
				t.Errorf("StemEnglish(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStemDispatch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"करेगी", "कर"},
		{"Voting", "vote"},
		{"१८", "१८"},
		{"ভারতের", "ভারতের"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsStopword(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"का", true}, {"के", true}, {"की", true}, {"को", true}, {"में", true}, {"से", true},
		{"है", true}, {"हैं", true}, {"हैँ", true}, {"और", true}, {"तो", true}, {"ने", true},
		{"पर", true}, {"भी", true}, {"ही", true}, {"यह", true}, {"वह", true}, {"था", true},
		{"थे", true}, {"थी", true}, {"हो", true}, {"एवं", true}, {"तथा", true}, {"कि", true},
		{"उन्होंने", true}, {"The", true},
		{"क्या", true}, {"कौन", true}, {"कितने", true}, {"कहाँ", true}, {"किया", true}, {"हुए", true},
		{"जिन्होंने", true}, {"किसी", true},
		{"घर", false}, {"एक", false}, {"दो", false}, {"एस", false}, {"कर", false}, {"गया", false},
		{"मुलाकात", false}, {"मेला", false}, {"it", false}, {"us", false}, {"who", false}, {"may", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := IsStopword(tt.word); got != tt.want {
				t.Errorf("IsStopword(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}
