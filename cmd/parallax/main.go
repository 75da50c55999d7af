// Command parallax shows one news event through every outlet that reported
// it. Run "parallax help" for the commands.
//
// All of the work is done by [Run], so that tests can run the command
// in-process; main only hands it the process's arguments, streams and
// signals.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
