package rules

import (
	"errors"
	"io/fs"
)

// Overlay returns a file system that reads each file from dir when dir has
// it and from the embedded [FS] otherwise, so that --rules-dir can override
// one list without copying all of them.
func Overlay(dir fs.FS) fs.FS { return overlay{dir} }

type overlay struct{ dir fs.FS }

// Open opens name from the directory, falling back to the embedded files.
func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.dir.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return FS.Open(name)
}
