package web

import (
	"context"
	"flag"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var screenshots = flag.String("screenshots", "", "directory for the browser test's screenshots (default: a temporary one)")

// chromium finds a Chromium or Chrome binary, or "".
func chromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives a real headless Chromium: search in Hindi, apply the
// language filter, check the highlight, open an article, and save
// screenshots (desktop and phone).
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium found (/usr/bin/chromium); install it with: apt-get install -y chromium")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	s, _ := newTestServer(t, Config{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	shots := *screenshots
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The first run starts the browser and must not carry a timeout.
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		save(t, shots, name, png)
	}
	location := func() string {
		t.Helper()
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}

	// 1. Type a Hindi query into the search box and submit.
	do("search",
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "मानसून"),
		chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`li.hit`)),
	)
	hits := eval(`document.querySelectorAll("li.hit").length`)
	mark := eval(`document.querySelector("li.hit mark").textContent`)
	if hits == float64(0) || mark != "मानसून" {
		t.Errorf("search: got %v hits, first mark %q; want hits with मानसून marked", hits, mark)
	}
	// 2. Choose the Hindi language facet.
	do("filter",
		chromedp.Click(chromedp.CSS(`ul[data-facet="lang"] a[data-value="hi"]`)),
		chromedp.WaitVisible(chromedp.CSS(`ul[data-facet="lang"] a.selected`)),
	)
	loc := location()
	if u, _ := url.Parse(loc); u == nil || u.Query().Get("lang") != "hi" || u.Query().Get("q") != "मानसून" {
		t.Errorf("after the filter the URL is %q; want q=मानसून and lang=hi", loc)
	}
	if other := eval(`Array.from(document.querySelectorAll("li.hit")).filter(e => e.lang !== "hi").length`); other != float64(0) {
		t.Errorf("%v hits not in Hindi after filtering to Hindi", other)
	}
	shot("search.png")
	// 3. Open the first article; the removed boilerplate opens on click.
	do("article",
		chromedp.Click(chromedp.CSS(`li.hit h3 a`)),
		chromedp.WaitVisible(chromedp.CSS(`article.article h1`)),
	)
	h1, _ := eval(`document.querySelector("article.article h1").textContent`).(string)
	if loc := location(); !strings.Contains(loc, "/articles/") || !strings.Contains(h1, "मानसून") {
		t.Errorf("article: at %q with headline %q; want an article about मानसून", loc, h1)
	}
	if eval(`!!document.querySelector("details.removed")`) == true {
		do("open removed", chromedp.Click(chromedp.CSS(`details.removed summary`)))
		if eval(`document.querySelector("details.removed").open`) != true {
			t.Error("removed boilerplate did not open on click")
		}
	}
	shot("article.png")
	// 4. A search on a phone-sized screen.
	do("phone",
		chromedp.EmulateViewport(375, 812, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(srv.URL+"/?q="+url.QueryEscape("बारिश")),
		chromedp.WaitVisible(chromedp.CSS(`li.hit`)),
	)
	right := eval(`Math.max(...Array.from(document.querySelectorAll("li.hit, form.search, .summary")).map(e => e.getBoundingClientRect().right))`)
	if r, ok := right.(float64); !ok || r > 375 {
		t.Errorf("on a 375 px wide phone the page reaches %v px: it scrolls sideways", right)
	}
	shot("phone.png")
}

func save(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}
