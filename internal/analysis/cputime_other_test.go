//go:build !unix

package analysis

import (
	"testing"
	"time"
)

// cpuTime is not measured on this platform.
func cpuTime(testing.TB) time.Duration { return 0 }
