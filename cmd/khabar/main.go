// Command khabar turns scraped Hindi news into clean, stored, searchable
// articles. Run "khabar help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := environment{
		Data:       os.Getenv("KHABAR_DATA"),
		APIToken:   os.Getenv("KHABAR_API_TOKEN"),
		SharedData: os.Getenv("KHABAR_SHARED_DATA"),
		Stdin:      os.Stdin,
		Term:       isTerminal(os.Stderr) && os.Getenv("CI") == "",
	}
	err := run(ctx, os.Args[1:], env, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ee exitError
		if !errors.As(err, &ee) || ee.msg != "" {
			fmt.Fprintln(os.Stderr, "khabar:", err)
		}
		code := 1
		if errors.As(err, &ee) {
			code = ee.code
		}
		os.Exit(code)
	}
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
