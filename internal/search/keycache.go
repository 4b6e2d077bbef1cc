package search

import (
	"container/list"
	"sync"

	"github.com/khabar-news/khabar/internal/translit"
)

// keyCacheSize is how many Latin words a Searcher keeps the
// transliteration keys of. Finding them takes a few milliseconds a word
// (a beam search over the transliteration model); a cached word is free.
const keyCacheSize = 4096

// keyCache remembers translit.Keys of the most recently searched Latin
// words, at most size of them (least recently used first out). It is safe
// for concurrent use; a word missing from the cache is computed outside
// the lock.
type keyCache struct {
	mu    sync.Mutex
	size  int
	items map[string]*list.Element
	order list.List // front: most recently used; values are *keyEntry
	keys  func(string) []string
}

type keyEntry struct {
	word string
	keys []string
}

// newKeyCache returns a cache of keys(word) (translit.Keys when nil) for
// up to size words.
func newKeyCache(size int, keys func(string) []string) *keyCache {
	if keys == nil {
		keys = translit.Keys
	}
	return &keyCache{size: max(size, 1), items: map[string]*list.Element{}, keys: keys}
}

// get returns the keys of word; callers must not change the slice.
func (c *keyCache) get(word string) []string {
	c.mu.Lock()
	if e, ok := c.items[word]; ok {
		c.order.MoveToFront(e)
		keys := e.Value.(*keyEntry).keys
		c.mu.Unlock()
		return keys
	}
	c.mu.Unlock()
	keys := c.keys(word)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[word]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*keyEntry).keys
	}
	c.items[word] = c.order.PushFront(&keyEntry{word: word, keys: keys})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*keyEntry).word)
	}
	return keys
}
