package web

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// latencyBuckets are the upper bounds (seconds) of the request latency
// histogram.
var latencyBuckets = [...]float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics holds the counters /metrics reports. It is safe for concurrent
// use; routes are a fixed set, so memory is bounded.
type metrics struct {
	mu       sync.Mutex
	requests map[routeStatus]uint64
	latency  map[string]*histogram
	ingested atomic.Int64
	start    time.Time
}

type routeStatus struct {
	route  string
	status int
}

type histogram struct {
	counts [len(latencyBuckets)]uint64 // per bucket, not cumulative
	count  uint64
	sum    float64
}

func newMetrics() *metrics {
	return &metrics{requests: map[routeStatus]uint64{}, latency: map[string]*histogram{}, start: time.Now()}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[routeStatus{route, status}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{}
		m.latency[route] = h
	}
	for i, le := range latencyBuckets {
		if sec <= le {
			h.counts[i]++
			break
		}
	}
	h.count++
	h.sum += sec
}

// write writes the counters in the Prometheus text exposition format.
func (m *metrics) write(b *bytes.Buffer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b.WriteString("# HELP khabar_http_requests_total HTTP requests served, by route pattern and status code.\n")
	b.WriteString("# TYPE khabar_http_requests_total counter\n")
	keys := make([]routeStatus, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	for _, k := range keys {
		fmt.Fprintf(b, "khabar_http_requests_total{route=%s,code=\"%d\"} %d\n", labelValue(k.route), k.status, m.requests[k])
	}
	b.WriteString("# HELP khabar_http_request_duration_seconds Time to serve an HTTP request, by route pattern.\n")
	b.WriteString("# TYPE khabar_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.latency[r]
		lv := labelValue(r)
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(b, "khabar_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", lv, formatFloat(le), cum)
		}
		fmt.Fprintf(b, "khabar_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", lv, h.count)
		fmt.Fprintf(b, "khabar_http_request_duration_seconds_sum{route=%s} %s\n", lv, formatFloat(h.sum))
		fmt.Fprintf(b, "khabar_http_request_duration_seconds_count{route=%s} %d\n", lv, h.count)
	}
	gauge(b, "khabar_ingested_articles_total", "counter", "Articles created or updated through the API since start.", float64(m.ingested.Load()))
	gauge(b, "khabar_uptime_seconds", "gauge", "Seconds since the server started.", time.Since(m.start).Seconds())
}

func gauge(b *bytes.Buffer, name, typ, help string, v float64) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", name, help, name, typ, name, formatFloat(v))
}

// labelValue quotes a label value, escaping \, " and newlines.
func labelValue(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// metricsPage serves /metrics: the request metrics and the store and data
// directory gauges, read at scrape time.
func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	s.metrics.write(&b)
	if n, err := s.store.Count(r.Context()); err == nil {
		gauge(&b, "khabar_store_articles", "gauge", "Articles in the store.", float64(n))
	} else {
		s.log.Error("metrics: store count", "err", err)
	}
	if seq, err := s.store.LastSeq(r.Context()); err == nil {
		gauge(&b, "khabar_store_last_seq", "gauge", "The store's highest change sequence number.", float64(seq))
	}
	if seq, err := s.index.LastSeq(); err == nil {
		gauge(&b, "khabar_index_last_seq", "gauge", "The highest store sequence number the index has applied.", float64(seq))
	}
	if s.cfg.DataDir != "" {
		if size, err := dirSize(s.cfg.DataDir); err == nil {
			gauge(&b, "khabar_data_dir_bytes", "gauge", "Bytes in the data directory (store and index).", float64(size))
		} else {
			s.log.Error("metrics: data dir size", "err", err)
		}
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}

// dirSize adds up the sizes of the regular files under dir.
func dirSize(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			if d == nil {
				return err
			}
			return nil // a file removed while walking (index merges)
		}
		if d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return total, err
}
