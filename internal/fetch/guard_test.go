package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestAddressClass(t *testing.T) {
	tests := []struct {
		addr string
		want string
	}{
		{"8.8.8.8", ""},
		{"203.0.113.9", ""},
		{"2001:4860:4860::8888", ""},
		{"127.0.0.1", "loopback"},
		{"127.1.2.3", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.20.30.40", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"172.32.0.1", ""},
		{"192.168.1.1", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"100.64.0.1", "CGNAT"},
		{"100.127.255.254", "CGNAT"},
		{"100.128.0.1", ""},
		{"fd12:3456::1", "unique-local"},
		{"fc00::1", "unique-local"},
		{"224.0.0.251", "multicast"},
		{"ff02::1", "multicast"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"255.255.255.255", "reserved"},
	}
	for _, tc := range tests {
		t.Run(tc.addr, func(t *testing.T) {
			if got := addressClass(netip.MustParseAddr(tc.addr)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestGuardRefusesLoopbackByDefault: without AllowPrivate a loopback URL is
// refused before any byte is sent, and the error says why.
func TestGuardRefusesLoopbackByDefault(t *testing.T) {
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(hindiPage)) })
	f := New(Config{Interval: 5 * time.Millisecond})
	_, err := f.Get(context.Background(), srv.URL+"/story", Conditional{})
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("got %v, want ErrForbiddenAddress", err)
	}
	for _, want := range []string{"loopback", "127.0.0.1", srv.URL, "AllowPrivate"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	srv.mu.Lock()
	n := len(srv.hits)
	srv.mu.Unlock()
	if n != 0 {
		t.Errorf("server saw %d requests, want 0", n)
	}
	if _, err := New(Config{AllowPrivate: true, Interval: 5 * time.Millisecond}).Get(context.Background(), srv.URL+"/story", Conditional{}); err != nil {
		t.Errorf("with AllowPrivate: got %v, want the page", err)
	}
}

// TestGuardOnRedirects: the test server itself is allowed (127.0.0.1/32)
// but its redirects to other private addresses are refused, whether they
// are literals or names that resolve to them.
func TestGuardOnRedirects(t *testing.T) {
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	port := srv.Listener.Addr().(interface{ String() string }).String()
	port = port[strings.LastIndex(port, ":")+1:]
	cfg := testConfig()
	cfg.Resolver = mapResolver{
		"intranet.test":  {netip.MustParseAddr("192.168.10.5")},
		"mixed.test":     {netip.MustParseAddr("203.0.113.7"), netip.MustParseAddr("10.0.0.7")},
		"localhost.test": {netip.MustParseAddr("127.0.0.1")},
	}
	f := New(cfg)
	tests := []struct {
		to    string
		class string
	}{
		{"http://10.1.2.3/admin", "private"},
		{"http://169.254.169.254/latest/meta-data/", "link-local"},
		{"http://[::1]:" + port + "/", "loopback"},
		{"http://127.0.0.2:" + port + "/", "loopback"},
		{"http://100.100.1.1/", "CGNAT"},
		{"http://[fd00::5]/", "unique-local"},
		{"http://intranet.test/", "private"},
		{"http://mixed.test/", "private"},
	}
	for _, tc := range tests {
		t.Run(tc.to, func(t *testing.T) {
			_, err := f.Get(context.Background(), srv.URL+"/go?to="+tc.to, Conditional{})
			if !errors.Is(err, ErrForbiddenAddress) {
				t.Fatalf("got %v, want ErrForbiddenAddress", err)
			}
			if !strings.Contains(err.Error(), tc.class) || !strings.Contains(err.Error(), tc.to) {
				t.Errorf("error %q should name the target %q and the class %q", err, tc.to, tc.class)
			}
		})
	}
	// A name resolving to the allowed address is fine: the check is on
	// addresses after resolution, not on names.
	okSrv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(hindiPage)) })
	okURL := strings.Replace(okSrv.URL, "127.0.0.1", "localhost.test", 1)
	if _, err := f.Get(context.Background(), okURL+"/x", Conditional{}); err != nil {
		t.Errorf("name resolving to an allowed address: got %v, want the page", err)
	}
}
