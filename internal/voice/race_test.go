//go:build race

package voice

// raceEnabled is set when the tests run under the race detector, which
// makes the big grouping tests too slow to run.
const raceEnabled = true
