package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"parallax"
	"parallax/internal/ingest"
	"parallax/internal/report"
	"parallax/internal/synth"
)

// The report formats, as named by --format.
var formats = []string{"text", "markdown", "json"}

// maxSkippedNotices is how many skipped files are named one by one on
// stderr before the rest are only counted.
const maxSkippedNotices = 10

// storyTitleLimit is the length a story title taken from a sentence is cut to.
const storyTitleLimit = 80

// outputFlags are the flags of the commands that print a report.
type outputFlags struct {
	format string
	out    string
}

func (o *outputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.format, "format", "text", "report format: "+strings.Join(formats, ", "))
	fs.StringVar(&o.out, "o", "", "write the report to `FILE` instead of standard output")
}

// check reports a format that does not exist.
func (o *outputFlags) check() error {
	for _, f := range formats {
		if o.format == f {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", o.format, strings.Join(formats, ", "))
}

// briefFlag registers --brief-sentences, the length of the neutral brief.
func briefFlag(fs *flag.FlagSet) *int {
	return fs.Int("brief-sentences", 0, fmt.Sprintf("write at most `N` sentences in the neutral brief (0: %d)", synth.DefaultSentences))
}

// runAnalyze is "parallax analyze".
func runAnalyze(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet(e, "analyze")
	var out outputFlags
	out.register(fs)
	rulesDir := fs.String("rules-dir", "", "read lexicons and rules from `DIR` (laid out like rules/) instead of the embedded ones")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "skip, with a warning, any input larger than `N` bytes")
	brief := briefFlag(fs)
	inputs, code, done := parseArgs(fs, args)
	if done {
		return code
	}
	if len(inputs) == 0 {
		e.errorf("analyze: no inputs")
		fs.Usage()
		return exitUsage
	}
	if err := out.check(); err != nil {
		e.errorf("analyze: %v", err)
		return exitUsage
	}
	if *maxBytes <= 0 {
		e.errorf("analyze: --max-bytes must be positive")
		return exitUsage
	}
	if *brief < 0 {
		e.errorf("analyze: --brief-sentences must not be negative")
		return exitUsage
	}
	p, err := newPipeline(*rulesDir)
	if err != nil {
		e.errorf("analyze: %v", err)
		return exitUsage
	}
	p.brief.Sentences = *brief
	res := ingest.Read(inputs, ingest.Options{MaxBytes: *maxBytes, Stdin: e.stdin})
	return p.run(ctx, e, res, out)
}

// runDemo is "parallax demo": it analyses the embedded seed story.
func runDemo(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet(e, "demo")
	var out outputFlags
	out.register(fs)
	brief := briefFlag(fs)
	rest, code, done := parseArgs(fs, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		e.errorf("demo: unexpected argument %q", rest[0])
		return exitUsage
	}
	if err := out.check(); err != nil {
		e.errorf("demo: %v", err)
		return exitUsage
	}
	if *brief < 0 {
		e.errorf("demo: --brief-sentences must not be negative")
		return exitUsage
	}
	p, err := newPipeline("")
	if err != nil {
		e.errorf("demo: %v", err)
		return exitUsage
	}
	p.brief.Sentences = *brief
	res, err := readSeedStory()
	if err != nil {
		e.errorf("demo: %v", err)
		return exitUsage
	}
	return p.run(ctx, e, res, out)
}

// readSeedStory reads the embedded seed story with ingest.Read, which reads
// paths: it copies the files to a temporary directory, reads them there and
// removes the copy. Sources and warnings then name the files as
// "moscow-2025-06-23/000.txt", wherever the copy was.
func readSeedStory() (ingest.Result, error) {
	seed, err := fs.Sub(parallax.SeedStory, "testdata")
	if err != nil {
		return ingest.Result{}, err
	}
	tmp, err := os.MkdirTemp("", "parallax-demo-")
	if err != nil {
		return ingest.Result{}, fmt.Errorf("copying the seed story: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := os.CopyFS(tmp, seed); err != nil {
		return ingest.Result{}, fmt.Errorf("copying the seed story: %w", err)
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return ingest.Result{}, fmt.Errorf("copying the seed story: %w", err)
	}
	var dirs []string
	for _, d := range entries {
		dirs = append(dirs, filepath.Join(tmp, d.Name()))
	}
	res := ingest.Read(dirs, ingest.Options{})
	rel := func(path string) string {
		if r, err := filepath.Rel(tmp, path); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r)
		}
		return path
	}
	for _, a := range res.Articles {
		a.Source = rel(a.Source)
	}
	for i := range res.Warnings {
		res.Warnings[i].Input = rel(res.Warnings[i].Input)
	}
	for i := range res.Skipped {
		res.Skipped[i] = rel(res.Skipped[i])
	}
	return res, nil
}

// run analyses res and writes the report and the warnings. It returns the
// exit code.
func (p *pipeline) run(ctx context.Context, e *env, res ingest.Result, out outputFlags) int {
	an, err := p.analyze(ctx, res)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	var buf bytes.Buffer
	switch out.format {
	case "json":
		err = report.JSON(&buf, an)
	case "markdown":
		err = report.Markdown(&buf, an)
	default:
		err = report.Text(&buf, an, report.TextOptions{})
	}
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	if out.out != "" {
		err = os.WriteFile(out.out, buf.Bytes(), 0o644)
	} else {
		_, err = e.stdout.Write(buf.Bytes())
	}
	if err != nil {
		e.errorf("writing the report: %v", err)
		return exitUsage
	}

	for i, path := range res.Skipped {
		if i == maxSkippedNotices {
			e.errorf("notice: skipped %d more files that are not articles", len(res.Skipped)-i)
			break
		}
		e.errorf("notice: skipped %s (not an article file)", path)
	}
	for _, a := range an.Articles {
		for _, n := range a.Notes {
			e.errorf("notice: %s: %s", a.Source, n)
		}
	}
	for _, w := range an.Warnings {
		e.errorf("%s: %s", w.Input, w.Message)
	}
	if len(an.Warnings) > 0 {
		return exitInputs
	}
	return exitOK
}

// oneStory makes a story of all the articles, and sets their Story field; it
// returns nil when there are none. The title is the most common article
// title (the first among equals), else the first article's first sentence,
// shortened. The outlets are the articles' distinct display names, in order.
func oneStory(id string, articles []*parallax.Article) *parallax.Story {
	if len(articles) == 0 {
		return nil
	}
	s := &parallax.Story{ID: id, Articles: []string{}, Outlets: []string{}}
	titles := make(map[string]int)
	seen := make(map[string]bool)
	for _, a := range articles {
		a.Story = id
		s.Articles = append(s.Articles, a.ID)
		if t := a.Title; t != "" {
			titles[t]++
			if titles[t] > titles[s.Title] || s.Title == "" {
				s.Title = t
			}
		}
		if name := a.DisplayName(); !seen[name] {
			seen[name] = true
			s.Outlets = append(s.Outlets, name)
		}
	}
	if s.Title == "" && len(articles[0].Sentences) > 0 {
		s.Title = shorten(strings.Join(strings.Fields(articles[0].Sentences[0].In(articles[0].Text)), " "), storyTitleLimit)
	}
	return s
}

// shorten cuts s to at most n characters, at a space when it can, ending
// with "…" when it cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}
