// consume-rate: a benchmark, not a test. It reads the first N records of a topic from every
// partition with a franz-go client in its default configuration (seed brokers only, no group,
// from the start), the way an application catches up on a backlog, and prints the rate. Used for
// the default-consumer figures in docs/BENCHMARKS.md, against Streamline and Apache Kafka alike.
// It exits 1 if it read fewer than N records (none for 10 s).
package main

import (
	"context"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func consumeRate(topic string, want int64) map[string]any {
	cl := newClient("rate", kgo.ConsumeTopics(topic), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	defer cl.Close()
	cpu0 := cpuSeconds()
	start := time.Now()
	var records, bytes int64
	last := start
	for records < want {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		fs := cl.PollFetches(ctx)
		cancel()
		n := 0
		fs.EachRecord(func(r *kgo.Record) {
			n++
			bytes += int64(len(r.Value))
		})
		records += int64(n)
		if n > 0 {
			last = time.Now()
		} else if time.Since(last) > 10*time.Second {
			logf("no record for 10 s; stopping at %d", records)
			break
		}
	}
	elapsed := time.Since(start).Seconds()
	return map[string]any{
		"ok":             records >= want,
		"mode":           "consume",
		"messages":       records,
		"bytes":          bytes,
		"elapsed_s":      elapsed,
		"msgs_per_s":     float64(records) / elapsed,
		"mb_per_s":       float64(bytes) / 1e6 / elapsed,
		"client_cpu_pct": (cpuSeconds() - cpu0) / elapsed * 100,
	}
}

// cpuSeconds is the CPU time of this process, all threads.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

// consumeRateMain serves `franz consume-rate BOOTSTRAP TOPIC N`.
func consumeRateMain() {
	want, err := strconv.ParseInt(os.Args[4], 10, 64)
	check(err, "parsing N")
	res := consumeRate(os.Args[3], want)
	res["client"] = "franz-go"
	emit(res)
	if !res["ok"].(bool) {
		os.Exit(1) // short: a failed run, not a slow one
	}
}
