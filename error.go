package parallax

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to an HTTP status and a CLI exit code.
const (
	EINVALID  = "invalid"  // the input or request is malformed
	ENOTFOUND = "notfound" // the thing asked for does not exist
	ETOOLARGE = "toolarge" // the input is over a size limit
	EINTERNAL = "internal" // a bug or an unexpected failure
)

// Error is an application error with a machine-readable code and a message
// fit for the user.
type Error struct {
	Code    string
	Message string
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
