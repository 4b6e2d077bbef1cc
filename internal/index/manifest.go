package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The files of an index directory:
//
//	MANIFEST.json          the commit point: schema, last applied sequence
//	                       number, and the live segments with the
//	                       generation of each one's deletions
//	seg-NNNNNNNN.kx        one segment (segment.go)
//	seg-NNNNNNNN-G.del     the deleted documents of a segment, a bitset
//	LOCK                   held while a process has the index open
//
// A change becomes durable when the manifest naming its files is renamed
// into place; files no manifest names are left over from a crash or from
// replaced generations, and Open removes them.
const (
	manifestName = "MANIFEST.json"
	lockName     = "LOCK"
)

type manifest struct {
	Schema   string        `json:"schema"`
	LastSeq  int64         `json:"last_seq"`
	NextSeg  uint64        `json:"next_segment"`
	Segments []segmentMeta `json:"segments"`
}

type segmentMeta struct {
	ID     uint64 `json:"id"`
	Docs   int    `json:"docs"`
	DelGen int    `json:"del_gen,omitempty"` // 0: no deletions
}

func segFile(id uint64) string { return fmt.Sprintf("seg-%08d.kx", id) }

func delFile(id uint64, gen int) string { return fmt.Sprintf("seg-%08d-%d.del", id, gen) }

// readManifest reads the manifest of dir; ok is false when there is none.
func readManifest(dir string) (m manifest, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if os.IsNotExist(err) {
		return manifest{}, false, nil
	}
	if err != nil {
		return manifest{}, false, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return manifest{}, false, fmt.Errorf("%s: %w", manifestName, err)
	}
	return m, true, nil
}

// writeManifest replaces the manifest of dir atomically and durably.
func writeManifest(dir string, m manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeFileSync(dir, manifestName, b)
}

// writeFileSync writes name in dir through a temporary file, syncs it,
// renames it into place and syncs the directory.
func writeFileSync(dir, name string, b []byte) error {
	tmp := filepath.Join(dir, name+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeUnused deletes the files of dir that m does not name: segments and
// deletion files of other generations and temporary files.
func removeUnused(dir string, m manifest) error {
	keep := map[string]bool{manifestName: true, lockName: true}
	for _, s := range m.Segments {
		keep[segFile(s.ID)] = true
		if s.DelGen > 0 {
			keep[delFile(s.ID, s.DelGen)] = true
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if keep[n] || !(strings.HasPrefix(n, "seg-") || strings.HasSuffix(n, ".tmp")) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// foreign reports whether dir holds files that are not part of a khabar
// index of this format (an index of an older format, or anything else).
func foreign(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		n := e.Name()
		if n == lockName || strings.HasPrefix(n, "seg-") || strings.HasSuffix(n, ".tmp") {
			continue
		}
		return true, nil
	}
	return false, nil
}

func sleepLock() { time.Sleep(100 * time.Millisecond) }
