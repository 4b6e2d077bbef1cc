package search

import (
	"os"
	"strconv"
)

// TEMPORARY tuning knobs; removed before hand-off.
func tuneKB() (float64, bool) {
	if os.Getenv("KHABAR_TUNE_NOKEYS") != "" {
		return -1, true
	}
	v, err := strconv.ParseFloat(os.Getenv("KHABAR_TUNE_KB"), 64)
	return v, err == nil
}
