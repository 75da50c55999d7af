package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The exit codes of DESIGN.md.
const (
	exitOK     = 0 // everything went well
	exitInputs = 1 // some inputs failed; the output says which
	exitUsage  = 2 // a usage error, or a failure that stopped the run
)

// env is what a command reads from and writes to: the process's standard
// streams, or buffers in tests.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// errorf prints "parallax: message" to standard error.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "parallax: "+format+"\n", args...)
}

// command is one sub-command.
type command struct {
	name    string
	usage   string // the synopsis line, without "parallax "
	summary string // one line for the command list
	run     func(ctx context.Context, e *env, args []string) int
}

// commands returns the sub-commands, in the order help lists them.
func commands() []command {
	return []command{
		{"analyze", "analyze [flags] INPUT...", "analyse articles (files, directories, - for stdin) and print the report", runAnalyze},
		{"demo", "demo [flags]", "analyse the bundled seed story and print the report", runDemo},
		{"version", "version", "print the version", runVersion},
		{"help", "help [COMMAND]", "show this help, or the flags of a command", runHelp},
	}
}

func lookup(name string) (command, bool) {
	i := slices.IndexFunc(commands(), func(c command) bool { return c.name == name })
	if i < 0 {
		return command{}, false
	}
	return commands()[i], true
}

// Run runs the parallax command line with args (the arguments after the
// program name) and returns the exit code: 0 when all went well, 1 when some
// inputs failed (each is reported on stderr and in the output), 2 on a usage
// error or a failure that stopped the run. Reports go to stdout (or the file
// of -o), warnings and notices to stderr.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return exitOK
	}
	cmd, ok := lookup(args[0])
	if !ok {
		e.errorf("unknown command %q", args[0])
		usage(e.stderr)
		return exitUsage
	}
	return cmd.run(ctx, e, args[1:])
}

// usage writes the list of commands.
func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("Parallax shows one news event through every outlet that reported it.\n\n")
	b.WriteString("Usage:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  parallax %-26s %s\n", c.usage, c.summary)
	}
	b.WriteString("\nRun \"parallax help COMMAND\" for the flags of a command.\n")
	b.WriteString("Exit codes: 0 ok, 1 some inputs failed (reported), 2 usage or fatal error.\n")
	io.WriteString(w, b.String())
}

// newFlagSet returns an empty flag set for cmd that prints its errors and
// usage to stderr.
func newFlagSet(e *env, cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		c, _ := lookup(cmd)
		summary := c.summary
		if r, size := utf8.DecodeRuneInString(summary); size > 0 {
			summary = string(unicode.ToUpper(r)) + summary[size:]
		}
		fmt.Fprintf(fs.Output(), "Usage: parallax %s\n\n%s.\n\nFlags:\n", c.usage, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags and positional arguments in any order ("analyze
// dir --format json" as well as "analyze --format json dir"); after "--"
// every argument is positional. It returns the positional arguments, and
// whether parsing ended the run, with the exit code: help was asked for, or
// a usage error was reported.
func parseArgs(fs *flag.FlagSet, args []string) (positional []string, code int, done bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, true
			}
			return nil, exitUsage, true
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, exitOK, false
		}
		// Parse stops at the first positional argument, or after a "--",
		// which it consumes.
		if consumed := args[:len(args)-len(rest)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(positional, rest...), exitOK, false
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// runVersion prints "parallax VERSION".
func runVersion(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet(e, "version")
	rest, code, done := parseArgs(fs, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		e.errorf("version: unexpected argument %q", rest[0])
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "parallax %s\n", version())
	return exitOK
}

// version describes the running binary from its build information: the
// module version, then the VCS revision when the build recorded one
// ("v0.1.0 (rev 0123456789ab, modified)"), or "devel" when neither is known.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " (rev " + rev
		if modified == "true" {
			v += ", modified"
		}
		v += ")"
	}
	return v
}

// runHelp prints the command list, or the usage of one command.
func runHelp(ctx context.Context, e *env, args []string) int {
	switch len(args) {
	case 0:
		usage(e.stdout)
		return exitOK
	case 1:
		c, ok := lookup(args[0])
		if ok && c.name == "help" {
			usage(e.stdout)
			return exitOK
		}
		if !ok {
			e.errorf("help: unknown command %q", args[0])
			usage(e.stderr)
			return exitUsage
		}
		return c.run(ctx, &env{stdin: e.stdin, stdout: e.stdout, stderr: e.stdout}, []string{"-h"})
	}
	e.errorf("help: too many arguments")
	return exitUsage
}
