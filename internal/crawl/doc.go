// Package crawl ties khabar's sources, feeds, polite fetcher and extraction
// together: Crawler.RunOnce polls every due source once and stores the new
// articles it finds; Crawler.Run does that on a schedule until its context
// ends.
//
// For each due source a pass resolves kind "auto" (a feed, a sitemap, or
// an HTML page whose feed links or robots.txt Sitemap lines name one) and
// writes the resolved kind and URL back; polls feeds with conditional GET;
// follows sitemap indexes (bounded depth and count, Google News sitemaps
// first); claims new items with SourceStore.MarkSeen (keys are
// feed.NormalizeURL of the item link, or the GUID); takes the article from
// the feed when the item carries it whole (feed.HasFullText), else fetches
// the page; and stores everything through one internal/pipeline run.
//
// One article is stored once however it was reached: article URLs are
// normalized (AMP, tracking parameters) after the page's canonical URL is
// read, and the article ID derives from that URL (see archive.Extract).
//
// Failures are accounted per source in news.SourceHealth: hard ones
// (404, 410, DNS, not a feed, robots.txt refusal, forbidden address, too
// large) count toward disabling the source, soft ones (timeouts, 5xx, 429)
// only slow polling down. Per-item failures are counted in Stats and never
// stop a pass. An item is marked seen when it is claimed, so an article
// page that fails to fetch is not retried on the next pass.
//
// A Crawler is safe for one RunOnce or Run at a time.
package crawl
