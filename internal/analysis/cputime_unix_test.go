//go:build unix

package analysis

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time this process has used (user + system).
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Logf("getrusage: %v", err)
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
