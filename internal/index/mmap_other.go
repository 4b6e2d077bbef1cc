//go:build !unix

package index

import "os"

// mapFile reads the file at path into memory (platforms without mmap).
func mapFile(path string) ([]byte, func() error, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return b, func() error { return nil }, nil
}

// lockDir does not lock on platforms without flock: only one process may
// open an index directory, and nothing enforces it there.
func lockDir(dir string, tries int) (func() error, error) {
	return func() error { return nil }, nil
}
