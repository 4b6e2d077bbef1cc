// Package web serves khabar's archive to people and programs: a search
// page and an article page (html/template, no JavaScript needed), a JSON
// API under /api/v1 with an OpenAPI 3.1 description, /healthz and
// Prometheus /metrics.
//
// Every route is listed in routes.go. One Server holds the dependencies
// (a store, a searcher, the index that follows the store) and the
// Config; its handlers are short and safe for concurrent use. Templates
// and static files are embedded and parsed by New, so a broken template
// stops the program at start-up, never a request.
//
// Reads are open unless Config.Private is set; writes (POST
// /api/v1/articles) always need Config.Token as a bearer token, and are
// refused when no token is configured. Errors of the API are JSON
// {"error": "..."} with a 4xx or 5xx status. Request bodies are bounded by
// Config.MaxBodyBytes (413 beyond it).
package web
