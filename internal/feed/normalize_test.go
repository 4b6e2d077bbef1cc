package feed

import "testing"

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"amarujala amp segment", "https://www.amarujala.com/amp/india-news/delhi-fog-flights-delayed-2025-11-19", "https://www.amarujala.com/india-news/delhi-fog-flights-delayed-2025-11-19"},
		{"navbharattimes amp_articleshow", "https://navbharattimes.indiatimes.com/state/uttar-pradesh/lucknow/metro-news/amp_articleshow/125012345.cms", "https://navbharattimes.indiatimes.com/state/uttar-pradesh/lucknow/metro-news/articleshow/125012345.cms"},
		{"bhaskar utm", "https://www.bhaskar.com/local/rajasthan/jaipur/news/electric-bus-136512345.html?utm_source=whatsapp&utm_medium=social&utm_campaign=share", "https://www.bhaskar.com/local/rajasthan/jaipur/news/electric-bus-136512345.html"},
		{"case, default port, fragment", "HTTPS://WWW.JagRan.COM:443/news/national-1234.html#comments", "https://www.jagran.com/news/national-1234.html"},
		{"http default port", "http://example.in:80/a", "http://example.in/a"},
		{"other port kept", "http://example.in:8080/a", "http://example.in:8080/a"},
		{"trailing slash", "https://www.livehindustan.com/national/story/", "https://www.livehindustan.com/national/story"},
		{"root", "https://www.livehindustan.com", "https://www.livehindustan.com/"},
		{"root with slash", "https://www.livehindustan.com/", "https://www.livehindustan.com/"},
		{"amp suffix", "https://www.news18.com/news/india/monsoon-9123456.html/amp", "https://www.news18.com/news/india/monsoon-9123456.html"},
		{"amp host", "https://amp.example.in/rajya/khabar-1", "https://example.in/rajya/khabar-1"},
		{"amp host without subdomain kept", "https://amp.dev/about", "https://amp.dev/about"},
		{".amp.html", "https://www.example.in/desh/story-77.amp.html", "https://www.example.in/desh/story-77.html"},
		{".amp end", "https://www.example.in/desh/story-77.amp", "https://www.example.in/desh/story-77"},
		{"?amp", "https://www.example.in/desh/story-77?amp", "https://www.example.in/desh/story-77"},
		{"amp=1 and outputType=amp", "https://www.example.in/desh/story-77?amp=1&outputType=amp&page=2", "https://www.example.in/desh/story-77?page=2"},
		{"tracking", "https://x.example/a?fbclid=IwAR0&gclid=abc&ref=home&ref_src=twsrc&cmp=ei&ito=792&mc_cid=1&mc_eid=2&id=5", "https://x.example/a?id=5"},
		{"tracking names any case", "https://x.example/a?UTM_Source=x&FBCLID=y", "https://x.example/a"},
		{"sorted query", "https://x.example/search?q=%E0%A4%AE%E0%A5%8B%E0%A4%A6%E0%A5%80&page=2&cat=desh", "https://x.example/search?cat=desh&page=2&q=%E0%A4%AE%E0%A5%8B%E0%A4%A6%E0%A5%80"},
		{"Devanagari path raw", "https://www.example.in/खेल/क्रिकेट-1", "https://www.example.in/%E0%A4%96%E0%A5%87%E0%A4%B2/%E0%A4%95%E0%A5%8D%E0%A4%B0%E0%A4%BF%E0%A4%95%E0%A5%87%E0%A4%9F-1"},
		{"Devanagari path escaped lower-case", "https://www.example.in/%e0%a4%96%e0%a5%87%e0%a4%b2/", "https://www.example.in/%E0%A4%96%E0%A5%87%E0%A4%B2"},
		{"unreserved escape decoded", "https://x.example/%7Euser/a%2Db", "https://x.example/~user/a-b"},
		{"dot segments and double slash", "https://x.example/a//b/./c/../d", "https://x.example/a/b/d"},
		{"google amp viewer", "https://www.google.com/amp/s/www.amarujala.com/amp/india-news/story-1?utm_source=g", "https://www.amarujala.com/india-news/story-1"},
		{"userinfo dropped", "https://user:pw@x.example/a", "https://x.example/a"},
		{"host trailing dot", "https://x.example./a", "https://x.example/a"},
		{"space trimmed", "  https://x.example/a  ", "https://x.example/a"},
		{"relative unchanged", "/amp/story", "/amp/story"},
		{"mailto unchanged", "mailto:desk@example.in", "mailto:desk@example.in"},
		{"garbage unchanged", "http://[::1", "http://[::1"},
		{"ipv6", "http://[2001:DB8::1]:80/a/", "http://[2001:db8::1]/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NormalizeURL(tt.in)
			if got != tt.want {
				t.Errorf("NormalizeURL(%q): got %q, want %q", tt.in, got, tt.want)
			}
			if again := NormalizeURL(got); again != got {
				t.Errorf("not idempotent: got %q, then %q", got, again)
			}
		})
	}
}

func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{
		"https://www.amarujala.com/amp/india-news/x", "https://a.example/b.amp.html?utm_source=x&b=2&a=1#f",
		"http://[::1]:80/", "https://x.example/%zz/%e0%a4", "https://www.google.com/amp/s/x.example/amp",
		"https://amp.amp.example/amp_amp_articleshow/1.cms", "https://x.example/a?;;&=&a=%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeURL(s)
		if again := NormalizeURL(got); again != got {
			t.Errorf("not idempotent: NormalizeURL(%q) = %q, then %q", s, got, again)
		}
	})
}
