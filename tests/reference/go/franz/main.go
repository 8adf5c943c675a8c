// Command franz owns the franz-go (github.com/twmb/franz-go, kgo + kadm) reference scenarios:
// it holds a Kafka-compatible broker (Streamline, or Apache Kafka as the reference) against a
// real Go client in its default configuration.
//
// Usage: franz <produce|group|admin|transactions> <bootstrap host:port[,host:port...]>
// or, as a benchmark (see rate.go): franz consume-rate <bootstrap> TOPIC N
//
// Each scenario creates its own uniquely named topics and groups, checks every outcome itself
// with exact assertions, writes progress to stderr and prints one JSON object summarising the
// outcome as the last line of stdout. It exits 0 only on success. Every wait is bounded.
//
// Replication factor: 1, or $STREAMLINE_RF when set (3 against a three-broker cluster).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// waitTimeout bounds every wait in every scenario.
const waitTimeout = 60 * time.Second

var (
	seeds []string
	tag   = fmt.Sprintf("%d-%04d", time.Now().UnixNano()/1e6, rand.Intn(10000))
)

var started = time.Now()

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "franz: %6.2fs "+format+"\n", append([]any{time.Since(started).Seconds()}, args...)...)
}

// fail reports a failed assertion and exits non-zero; the JSON line says so too.
func fail(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(os.Stderr, "franz: FAIL: %s\n", msg)
	emit(map[string]any{"ok": false, "error": msg})
	os.Exit(1)
}

func check(err error, what string) {
	if err != nil {
		fail("%s: %v", what, err)
	}
}

func emit(v map[string]any) {
	b, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintf(os.Stderr, "franz: cannot encode summary: %v\n", err)
		os.Exit(1)
	}
	fmt.Println(string(b))
}

func replicationFactor() int16 {
	s := os.Getenv("STREAMLINE_RF")
	if s == "" {
		return 1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		fail("STREAMLINE_RF=%q is not a positive integer", s)
	}
	return int16(n)
}

// newClient builds a client with the defaults plus the given options. Only the seed brokers and
// a warn-level logger (diagnostics, no behaviour change) are added here.
func newClient(name string, opts ...kgo.Opt) *kgo.Client {
	base := []kgo.Opt{
		kgo.SeedBrokers(seeds...),
		kgo.WithLogger(kgo.BasicLogger(os.Stderr, kgo.LogLevelWarn, func() string { return "[" + name + "] " })),
	}
	base = append(base, securityOpts()...)
	cl, err := kgo.NewClient(append(base, opts...)...)
	check(err, "creating client "+name)
	return cl
}

func waitCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), waitTimeout)
}

// createTopic creates a topic and waits until metadata shows every partition with a leader.
func createTopic(adm *kadm.Client, topic string, partitions int32, configs map[string]*string) {
	ctx, cancel := waitCtx()
	defer cancel()
	rf := replicationFactor()
	resp, err := adm.CreateTopic(ctx, partitions, rf, configs, topic)
	check(err, "CreateTopics "+topic)
	if resp.Topic != topic {
		fail("CreateTopics %s: response names topic %q", topic, resp.Topic)
	}
	logf("created topic %s (%d partitions, rf %d)", topic, partitions, rf)
	waitTopicPartitions(adm, topic, int(partitions), int(rf))
}

// waitTopicPartitions polls metadata until topic has exactly n partitions, each with a leader
// and rf replicas.
func waitTopicPartitions(adm *kadm.Client, topic string, n, rf int) kadm.TopicDetail {
	deadline := time.Now().Add(waitTimeout)
	var last string
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		tds, err := adm.ListTopics(ctx, topic)
		cancel()
		if err != nil {
			last = err.Error()
		} else if td, ok := tds[topic]; !ok {
			last = "topic absent from metadata"
		} else if td.Err != nil {
			last = td.Err.Error()
		} else if len(td.Partitions) != n {
			last = fmt.Sprintf("%d partitions", len(td.Partitions))
		} else {
			ready := true
			for _, p := range td.Partitions {
				if p.Err != nil || p.Leader < 0 || len(p.Replicas) != rf {
					ready = false
					last = fmt.Sprintf("partition %d: leader %d, replicas %v, err %v", p.Partition, p.Leader, p.Replicas, p.Err)
				}
			}
			if ready {
				return td
			}
		}
		if time.Now().After(deadline) {
			fail("topic %s never showed %d partitions with leaders and %d replicas within %s (last: %s)", topic, n, rf, waitTimeout, last)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func endOffsets(adm *kadm.Client, topic string) map[int32]int64 {
	ctx, cancel := waitCtx()
	defer cancel()
	lo, err := adm.ListEndOffsets(ctx, topic)
	check(err, "ListOffsets(latest) "+topic)
	check(lo.Error(), "ListOffsets(latest) "+topic+" partition error")
	out := map[int32]int64{}
	lo.Each(func(o kadm.ListedOffset) { out[o.Partition] = o.Offset })
	return out
}

func startOffsets(adm *kadm.Client, topic string) map[int32]int64 {
	ctx, cancel := waitCtx()
	defer cancel()
	lo, err := adm.ListStartOffsets(ctx, topic)
	check(err, "ListOffsets(earliest) "+topic)
	check(lo.Error(), "ListOffsets(earliest) "+topic+" partition error")
	out := map[int32]int64{}
	lo.Each(func(o kadm.ListedOffset) { out[o.Partition] = o.Offset })
	return out
}

func partitionKeys(m map[int32]int) map[string]int {
	out := map[string]int{}
	for p, n := range m {
		out[strconv.Itoa(int(p))] = n
	}
	return out
}

type produced struct {
	key, value string
}

// produceKeyed produces n records key "k-<i>", value "<prefix><i>" with ProduceSync, asserts every
// record acked and that each partition's offsets are exactly 0..count-1 in produce order. It
// returns partition -> offset -> record.
func produceKeyed(cl *kgo.Client, topic string, n int, prefix string) map[int32]map[int64]produced {
	recs := make([]*kgo.Record, n)
	for i := 0; i < n; i++ {
		recs[i] = &kgo.Record{Topic: topic, Key: []byte(fmt.Sprintf("k-%d", i)), Value: []byte(fmt.Sprintf("%s%d", prefix, i))}
	}
	ctx, cancel := waitCtx()
	defer cancel()
	results := cl.ProduceSync(ctx, recs...)
	if len(results) != n {
		fail("ProduceSync returned %d results for %d records", len(results), n)
	}
	check(results.FirstErr(), "producing to "+topic)
	// ProduceSync returns results in completion order; walk them in produce order.
	index := make(map[*kgo.Record]int, n)
	for i, rec := range recs {
		index[rec] = i
	}
	for _, r := range results {
		if _, ok := index[r.Record]; !ok {
			fail("ProduceSync returned a result for a record it was not given: %s/%q", r.Record.Topic, r.Record.Key)
		}
		delete(index, r.Record)
	}
	if len(index) != 0 {
		fail("ProduceSync returned no result for %d records", len(index))
	}
	byPart := map[int32]map[int64]produced{}
	lastOffset := map[int32]int64{}
	for i, rec := range recs {
		if rec.Topic != topic || string(rec.Key) != fmt.Sprintf("k-%d", i) {
			fail("record %d is for %s/%q", i, rec.Topic, rec.Key)
		}
		if prev, ok := lastOffset[rec.Partition]; ok && rec.Offset <= prev {
			fail("partition %d: record %d acked at offset %d, not after the previous record's %d", rec.Partition, i, rec.Offset, prev)
		}
		lastOffset[rec.Partition] = rec.Offset
		if byPart[rec.Partition] == nil {
			byPart[rec.Partition] = map[int64]produced{}
		}
		if _, dup := byPart[rec.Partition][rec.Offset]; dup {
			fail("partition %d: offset %d acked twice", rec.Partition, rec.Offset)
		}
		byPart[rec.Partition][rec.Offset] = produced{string(rec.Key), string(rec.Value)}
	}
	for p, offs := range byPart {
		for o := int64(0); o < int64(len(offs)); o++ {
			if _, ok := offs[o]; !ok {
				fail("partition %d: %d records acked but offset %d missing (offsets not contiguous from 0)", p, len(offs), o)
			}
		}
	}
	return byPart
}

func counts(byPart map[int32]map[int64]produced) map[int32]int {
	out := map[int32]int{}
	for p, offs := range byPart {
		out[p] = len(offs)
	}
	return out
}

// ---------------------------------------------------------------------------------------------
// produce

func scenarioProduce() map[string]any {
	const n, parts = 3000, 3
	topic := "franz-produce-" + tag
	cl := newClient("producer")
	defer cl.Close()
	adm := kadm.NewClient(cl)
	createTopic(adm, topic, parts, nil)

	byPart := produceKeyed(cl, topic, n, "v-")
	pc := counts(byPart)
	total := 0
	for p := int32(0); p < parts; p++ {
		total += pc[p]
	}
	if total != n || len(pc) > parts {
		fail("produced %d records over partitions %v, want %d over %d partitions", total, pc, n, parts)
	}
	logf("produced %d records: %v", n, pc)

	ends, starts := endOffsets(adm, topic), startOffsets(adm, topic)
	for p := int32(0); p < parts; p++ {
		if ends[p] != int64(pc[p]) || starts[p] != 0 {
			fail("partition %d: log start %d end %d, want 0 and %d", p, starts[p], ends[p], pc[p])
		}
	}

	offsets := map[int32]kgo.Offset{}
	for p := int32(0); p < parts; p++ {
		offsets[p] = kgo.NewOffset().AtStart()
	}
	cons := newClient("consumer", kgo.ConsumePartitions(map[string]map[int32]kgo.Offset{topic: offsets}))
	defer cons.Close()
	got := consumeExpect(cons, n, func(r *kgo.Record) {
		want, ok := byPart[r.Partition][r.Offset]
		if r.Topic != topic || !ok {
			fail("consumed unexpected record %s/%d@%d", r.Topic, r.Partition, r.Offset)
		}
		if string(r.Key) != want.key || string(r.Value) != want.value {
			fail("partition %d offset %d: consumed %q=%q, produced %q=%q", r.Partition, r.Offset, r.Key, r.Value, want.key, want.value)
		}
	})
	seen := map[int32]map[int64]bool{}
	cc := map[int32]int{}
	for _, r := range got {
		if seen[r.Partition] == nil {
			seen[r.Partition] = map[int64]bool{}
		}
		if seen[r.Partition][r.Offset] {
			fail("partition %d offset %d consumed twice", r.Partition, r.Offset)
		}
		seen[r.Partition][r.Offset] = true
		cc[r.Partition]++
	}
	for p := int32(0); p < parts; p++ {
		if cc[p] != pc[p] {
			fail("partition %d: consumed %d records, produced %d", p, cc[p], pc[p])
		}
	}
	return map[string]any{"produced": n, "consumed": len(got), "partitions": partitionKeys(pc), "topic": topic}
}

// consumeExpect polls until exactly want records arrived (each checked by fn and checked for
// per-partition offset order), then polls one more second to make sure no extra record follows.
func consumeExpect(cl *kgo.Client, want int, fn func(*kgo.Record)) []*kgo.Record {
	var got []*kgo.Record
	last := map[int32]int64{}
	deadline := time.Now().Add(waitTimeout)
	var extraUntil time.Time
	for {
		now := time.Now()
		if len(got) >= want {
			if extraUntil.IsZero() {
				extraUntil = now.Add(time.Second)
			}
			if now.After(extraUntil) {
				break
			}
		} else if now.After(deadline) {
			fail("consumed %d of %d records within %s", len(got), want, waitTimeout)
		}
		until := deadline
		if !extraUntil.IsZero() {
			until = extraUntil
		}
		ctx, cancel := context.WithDeadline(context.Background(), until)
		fs := cl.PollFetches(ctx)
		cancel()
		fs.EachError(func(t string, p int32, err error) {
			if !errors.Is(err, context.DeadlineExceeded) {
				fail("fetch %s/%d: %v", t, p, err)
			}
		})
		fs.EachRecord(func(r *kgo.Record) {
			if prev, ok := last[r.Partition]; ok && r.Offset <= prev {
				fail("partition %d: offset %d consumed after %d", r.Partition, r.Offset, prev)
			}
			last[r.Partition] = r.Offset
			fn(r)
			got = append(got, r)
		})
	}
	if len(got) != want {
		fail("consumed %d records, want exactly %d", len(got), want)
	}
	return got
}

// ---------------------------------------------------------------------------------------------
// group

type member struct {
	name     string
	cl       *kgo.Client
	mu       sync.Mutex
	assigned map[int32]bool // current assignment
	ever     map[int32]bool // every partition ever assigned
	recs     []*kgo.Record
}

func scenarioGroup() map[string]any {
	const n, parts = 2000, 4
	topic := "franz-group-" + tag
	group := "franz-group-" + tag
	prod := newClient("producer")
	defer prod.Close()
	adm := kadm.NewClient(prod)
	createTopic(adm, topic, parts, nil)

	members := []*member{{name: "member-1"}, {name: "member-2"}}
	for _, m := range members {
		m := m
		m.assigned, m.ever = map[int32]bool{}, map[int32]bool{}
		m.cl = newClient(m.name,
			kgo.ConsumerGroup(group),
			kgo.ConsumeTopics(topic),
			kgo.OnPartitionsAssigned(func(_ context.Context, _ *kgo.Client, a map[string][]int32) {
				m.mu.Lock()
				defer m.mu.Unlock()
				for _, p := range a[topic] {
					m.assigned[p], m.ever[p] = true, true
				}
				logf("%s assigned %v", m.name, a[topic])
			}),
			kgo.OnPartitionsRevoked(func(_ context.Context, _ *kgo.Client, r map[string][]int32) {
				m.mu.Lock()
				defer m.mu.Unlock()
				for _, p := range r[topic] {
					delete(m.assigned, p)
				}
				logf("%s revoked %v", m.name, r[topic])
			}),
			kgo.OnPartitionsLost(func(_ context.Context, _ *kgo.Client, l map[string][]int32) {
				m.mu.Lock()
				defer m.mu.Unlock()
				for _, p := range l[topic] {
					delete(m.assigned, p)
				}
				logf("%s lost %v", m.name, l[topic])
			}),
		)
	}

	pollCtx, stopPolling := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for _, m := range members {
		m := m
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				fs := m.cl.PollFetches(pollCtx)
				if pollCtx.Err() != nil {
					// Records returned with a cancelled context still count.
					fs.EachRecord(func(r *kgo.Record) { m.add(r) })
					return
				}
				fs.EachError(func(t string, p int32, err error) {
					select {
					case errs <- fmt.Sprintf("%s: fetch %s/%d: %v", m.name, t, p, err):
					default:
					}
				})
				fs.EachRecord(func(r *kgo.Record) { m.add(r) })
			}
		}()
	}

	// Wait until the group is stable with both members holding disjoint partitions covering
	// the topic, then produce: both members consume concurrently with no rebalance in between.
	deadline := time.Now().Add(waitTimeout)
	for {
		a1, a2 := members[0].snapshot(), members[1].snapshot()
		union := map[int32]bool{}
		overlap := false
		for p := range a1 {
			union[p] = true
		}
		for p := range a2 {
			if union[p] {
				overlap = true
			}
			union[p] = true
		}
		if len(a1) > 0 && len(a2) > 0 && !overlap && len(union) == parts {
			logf("group stable: member-1 %v, member-2 %v", sortedParts(a1), sortedParts(a2))
			break
		}
		if time.Now().After(deadline) {
			stopPolling()
			fail("group %s: both members never held disjoint partitions covering %d partitions within %s (member-1 %v, member-2 %v)", group, parts, waitTimeout, sortedParts(a1), sortedParts(a2))
		}
		time.Sleep(100 * time.Millisecond)
	}

	byPart := produceKeyed(prod, topic, n, "v-")
	pc := counts(byPart)
	logf("produced %d records: %v", n, pc)

	deadline = time.Now().Add(waitTimeout)
	for {
		select {
		case e := <-errs:
			stopPolling()
			fail("%s", e)
		default:
		}
		got := members[0].count() + members[1].count()
		if got >= n {
			break
		}
		if time.Now().After(deadline) {
			stopPolling()
			fail("members consumed %d of %d records within %s (member-1 %d, member-2 %d)", got, n, waitTimeout, members[0].count(), members[1].count())
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // any duplicate delivery would show up here
	stopPolling()
	wg.Wait()

	seen := map[int32]map[int64]string{}
	perMember := map[string]int{}
	for _, m := range members {
		m.mu.Lock()
		for _, r := range m.recs {
			want, ok := byPart[r.Partition][r.Offset]
			if r.Topic != topic || !ok {
				fail("%s consumed unexpected record %s/%d@%d", m.name, r.Topic, r.Partition, r.Offset)
			}
			if string(r.Key) != want.key || string(r.Value) != want.value {
				fail("%s: partition %d offset %d is %q=%q, produced %q=%q", m.name, r.Partition, r.Offset, r.Key, r.Value, want.key, want.value)
			}
			if !m.ever[r.Partition] {
				fail("%s consumed partition %d, which it was never assigned", m.name, r.Partition)
			}
			if seen[r.Partition] == nil {
				seen[r.Partition] = map[int64]string{}
			}
			if by, dup := seen[r.Partition][r.Offset]; dup {
				fail("partition %d offset %d consumed twice (by %s and %s)", r.Partition, r.Offset, by, m.name)
			}
			seen[r.Partition][r.Offset] = m.name
		}
		perMember[m.name] = len(m.recs)
		m.mu.Unlock()
	}
	for p, offs := range byPart {
		if len(seen[p]) != len(offs) {
			fail("partition %d: %d of %d records consumed", p, len(seen[p]), len(offs))
		}
	}

	for _, m := range members {
		ctx, cancel := waitCtx()
		check(m.cl.CommitUncommittedOffsets(ctx), m.name+" CommitUncommittedOffsets")
		cancel()
	}
	assignments := map[string][]int32{}
	for _, m := range members {
		assignments[m.name] = sortedParts(m.snapshot())
		m.cl.Close()
	}

	ends := endOffsets(adm, topic)
	ctx, cancel := waitCtx()
	defer cancel()
	fo, err := adm.FetchOffsets(ctx, group)
	check(err, "OffsetFetch "+group)
	check(fo.Error(), "OffsetFetch "+group+" partition error")
	committed := map[string]int64{}
	for p := int32(0); p < parts; p++ {
		o, ok := fo.Lookup(topic, p)
		if !ok {
			fail("group %s has no committed offset for %s/%d", group, topic, p)
		}
		if o.At != ends[p] || ends[p] != int64(pc[p]) {
			fail("group %s partition %d: committed %d, end offset %d, produced %d", group, p, o.At, ends[p], pc[p])
		}
		committed[strconv.Itoa(int(p))] = o.At
	}
	return map[string]any{"produced": n, "consumed": perMember["member-1"] + perMember["member-2"], "members": perMember,
		"assignments": assignments, "committed": committed, "topic": topic, "group": group}
}

func (m *member) add(r *kgo.Record) {
	m.mu.Lock()
	m.recs = append(m.recs, r)
	m.mu.Unlock()
}

func (m *member) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.recs)
}

func (m *member) snapshot() map[int32]bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[int32]bool{}
	for p := range m.assigned {
		out[p] = true
	}
	return out
}

func sortedParts(s map[int32]bool) []int32 {
	out := make([]int32, 0, len(s))
	for p := range s {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// ---------------------------------------------------------------------------------------------
// admin

func scenarioAdmin() map[string]any {
	a, b := "franz-admin-a-"+tag, "franz-admin-b-"+tag
	cl := newClient("admin")
	defer cl.Close()
	adm := kadm.NewClient(cl)
	rf := replicationFactor()

	ctx, cancel := waitCtx()
	defer cancel()
	ra, err := adm.CreateTopics(ctx, 2, rf, map[string]*string{"retention.ms": kadm.StringPtr("3600000")}, a)
	check(err, "CreateTopics "+a)
	check(ra.Error(), "CreateTopics "+a+" topic error")
	rb, err := adm.CreateTopics(ctx, 5, rf, nil, b)
	check(err, "CreateTopics "+b)
	check(rb.Error(), "CreateTopics "+b+" topic error")
	if ra[a].NumPartitions != 2 || ra[a].ReplicationFactor != rf || rb[b].NumPartitions != 5 || rb[b].ReplicationFactor != rf {
		fail("CreateTopics responses: %s %d partitions rf %d, %s %d partitions rf %d; want 2/%d and 5/%d",
			a, ra[a].NumPartitions, ra[a].ReplicationFactor, b, rb[b].NumPartitions, rb[b].ReplicationFactor, rf, rf)
	}
	if c, ok := ra[a].Configs["retention.ms"]; !ok || c.MaybeValue() != "3600000" {
		fail("CreateTopics response for %s: retention.ms = %q (present %v), want 3600000", a, c.MaybeValue(), ok)
	}
	logf("created %s (2 partitions) and %s (5 partitions)", a, b)

	waitTopicPartitions(adm, a, 2, int(rf))
	waitTopicPartitions(adm, b, 5, int(rf))
	all, err := adm.ListTopics(ctx)
	check(err, "Metadata (all topics)")
	if len(all[a].Partitions) != 2 || len(all[b].Partitions) != 5 {
		fail("all-topics metadata: %s has %d partitions, %s has %d; want 2 and 5", a, len(all[a].Partitions), b, len(all[b].Partitions))
	}

	rcs, err := adm.DescribeTopicConfigs(ctx, a, b)
	check(err, "DescribeConfigs")
	for _, rc := range rcs {
		check(rc.Err, "DescribeConfigs "+rc.Name)
	}
	ca, err := rcs.On(a, nil)
	check(err, "DescribeConfigs "+a)
	cb, err := rcs.On(b, nil)
	check(err, "DescribeConfigs "+b)
	retA, okA := findConfig(ca.Configs, "retention.ms")
	retB, okB := findConfig(cb.Configs, "retention.ms")
	if !okA || retA.MaybeValue() != "3600000" || retA.Source != kmsg.ConfigSourceDynamicTopicConfig {
		fail("DescribeConfigs %s: retention.ms = %q source %v (present %v), want 3600000 from DYNAMIC_TOPIC_CONFIG", a, retA.MaybeValue(), retA.Source, okA)
	}
	if !okB || retB.Source == kmsg.ConfigSourceDynamicTopicConfig || retB.MaybeValue() == "3600000" {
		fail("DescribeConfigs %s: retention.ms = %q source %v (present %v), want a non-topic default", b, retB.MaybeValue(), retB.Source, okB)
	}
	logf("configs: %s retention.ms=%s (%v), %s retention.ms=%s (%v)", a, retA.MaybeValue(), retA.Source, b, retB.MaybeValue(), retB.Source)

	cp, err := adm.CreatePartitions(ctx, 3, b)
	check(err, "CreatePartitions "+b)
	check(cp.Error(), "CreatePartitions "+b+" topic error")
	waitTopicPartitions(adm, b, 8, int(rf))
	logf("grew %s to 8 partitions", b)

	dr, err := adm.DeleteTopics(ctx, a, b)
	check(err, "DeleteTopics")
	check(dr.Error(), "DeleteTopics topic error")
	if len(dr) != 2 {
		fail("DeleteTopics answered for %d topics, want 2", len(dr))
	}
	deadline := time.Now().Add(waitTimeout)
	for {
		all, err := adm.ListTopics(ctx)
		check(err, "Metadata (all topics) after delete")
		_, hasA := all[a]
		_, hasB := all[b]
		if !hasA && !hasB {
			break
		}
		if time.Now().After(deadline) {
			fail("topics still listed %s after deletion: %s=%v %s=%v", waitTimeout, a, hasA, b, hasB)
		}
		time.Sleep(100 * time.Millisecond)
	}
	logf("topics no longer listed")
	named, err := adm.ListTopics(ctx, a, b)
	check(err, "Metadata (deleted topics)")
	for _, t := range []string{a, b} {
		if td, ok := named[t]; ok && !errors.Is(td.Err, kerr.UnknownTopicOrPartition) {
			fail("metadata for deleted topic %s: err %v, %d partitions; want UNKNOWN_TOPIC_OR_PARTITION", t, td.Err, len(td.Partitions))
		}
	}
	logf("deleted %s and %s", a, b)
	return map[string]any{"created": []string{a, b}, "partitions": map[string]int{a: 2, b: 8},
		"retention_ms": retA.MaybeValue(), "deleted": 2}
}

func findConfig(cs []kadm.Config, key string) (kadm.Config, bool) {
	for _, c := range cs {
		if c.Key == key {
			return c, true
		}
	}
	return kadm.Config{}, false
}

// ---------------------------------------------------------------------------------------------
// transactions

func scenarioTransactions() map[string]any {
	out := map[string]any{}
	txnPart(out)
	ctpPart(out)
	return out
}

// txnPart: commit 100, abort 50, commit 100 on a two-partition topic; read_committed sees the
// 200 committed records in order, read_uncommitted all 250.
func txnPart(out map[string]any) {
	const parts = 2
	topic := "franz-txn-" + tag
	prod := newClient("txn-producer", kgo.TransactionalID("franz-txn-"+tag))
	defer prod.Close()
	adm := kadm.NewClient(prod)
	createTopic(adm, topic, parts, nil)

	type batch struct {
		prefix string
		n      int
		commit kgo.TransactionEndTry
	}
	batches := []batch{{"c1-", 100, kgo.TryCommit}, {"ab-", 50, kgo.TryAbort}, {"c2-", 100, kgo.TryCommit}}
	// Per partition: the values in produce order (all, and committed only), and how many
	// transactions touched it (each leaves one control record).
	all := map[int32][]string{}
	committed := map[int32][]string{}
	markers := map[int32]int{}
	for _, bt := range batches {
		check(prod.BeginTransaction(), "BeginTransaction")
		recs := make([]*kgo.Record, bt.n)
		for i := range recs {
			recs[i] = &kgo.Record{Topic: topic, Key: []byte(fmt.Sprintf("k-%d", i)), Value: []byte(fmt.Sprintf("%s%d", bt.prefix, i))}
		}
		ctx, cancel := waitCtx()
		res := prod.ProduceSync(ctx, recs...)
		check(res.FirstErr(), "transactional produce "+bt.prefix)
		if len(res) != bt.n {
			fail("ProduceSync returned %d results for %d records", len(res), bt.n)
		}
		touched := map[int32]bool{}
		for _, r := range recs { // produce order; ProduceSync has set Partition on each
			all[r.Partition] = append(all[r.Partition], string(r.Value))
			if bt.commit {
				committed[r.Partition] = append(committed[r.Partition], string(r.Value))
			}
			touched[r.Partition] = true
		}
		for p := range touched {
			markers[p]++
		}
		check(prod.EndTransaction(ctx, bt.commit), fmt.Sprintf("EndTransaction(commit=%v) %s", bt.commit, bt.prefix))
		cancel()
		logf("transaction %s: %d records, commit=%v", bt.prefix, bt.n, bt.commit)
	}

	// Each partition's log end: its data records plus one control record per transaction.
	want := map[int32]int64{}
	for p := int32(0); p < parts; p++ {
		want[p] = int64(len(all[p]) + markers[p])
	}
	deadline := time.Now().Add(waitTimeout)
	for {
		ends := endOffsets(adm, topic)
		same := true
		for p := int32(0); p < parts; p++ {
			if ends[p] != want[p] {
				same = false
			}
		}
		if same {
			break
		}
		if time.Now().After(deadline) {
			fail("%s end offsets %v, want %v (data records plus one control record per transaction per partition)", topic, ends, want)
		}
		time.Sleep(100 * time.Millisecond)
	}

	read := func(name string, expect map[int32][]string, opts ...kgo.Opt) map[int32][]string {
		cl := newClient(name, append([]kgo.Opt{kgo.ConsumeTopics(topic)}, opts...)...)
		defer cl.Close()
		total := 0
		for _, vs := range expect {
			total += len(vs)
		}
		got := map[int32][]string{}
		consumeExpect(cl, total, func(r *kgo.Record) {
			got[r.Partition] = append(got[r.Partition], string(r.Value))
		})
		for p := int32(0); p < parts; p++ {
			if strings.Join(got[p], ",") != strings.Join(expect[p], ",") {
				fail("%s partition %d: consumed %d values %v, want %d values %v", name, p, len(got[p]), got[p], len(expect[p]), expect[p])
			}
		}
		return got
	}
	rc := read("read-committed", committed, kgo.FetchIsolationLevel(kgo.ReadCommitted()))
	ru := read("read-uncommitted", all)
	n := func(m map[int32][]string) int {
		t := 0
		for _, v := range m {
			t += len(v)
		}
		return t
	}
	out["read_committed"] = n(rc)
	out["read_uncommitted"] = n(ru)
	out["txn_end_offsets"] = partitionKeys64(want)
}

func partitionKeys64(m map[int32]int64) map[string]int64 {
	out := map[string]int64{}
	for p, n := range m {
		out[strconv.Itoa(int(p))] = n
	}
	return out
}

// ctpPart: consume an input topic in a group, produce transformed records and commit the
// group's offsets inside the same transactions (GroupTransactSession: AddOffsetsToTxn +
// TxnOffsetCommit).
func ctpPart(out map[string]any) {
	const n, parts = 300, 3
	in, outT := "franz-ctp-in-"+tag, "franz-ctp-out-"+tag
	group := "franz-ctp-" + tag
	prod := newClient("ctp-input-producer")
	defer prod.Close()
	adm := kadm.NewClient(prod)
	createTopic(adm, in, parts, nil)
	createTopic(adm, outT, parts, nil)
	byPart := produceKeyed(prod, in, n, "v-")
	logf("ctp input: %d records %v", n, counts(byPart))

	sess, err := kgo.NewGroupTransactSession(
		kgo.SeedBrokers(seeds...),
		kgo.WithLogger(kgo.BasicLogger(os.Stderr, kgo.LogLevelWarn, func() string { return "[ctp-session] " })),
		kgo.TransactionalID("franz-ctp-"+tag),
		kgo.ConsumerGroup(group),
		kgo.ConsumeTopics(in),
		// Exactly-once pipelines read committed data only (the franz-go EOS pattern).
		kgo.FetchIsolationLevel(kgo.ReadCommitted()),
	)
	check(err, "NewGroupTransactSession")
	defer sess.Close()

	processed, txns, aborted := 0, 0, 0
	deadline := time.Now().Add(waitTimeout)
	for processed < n {
		if time.Now().After(deadline) {
			fail("consume-transform-produce committed %d of %d input records within %s", processed, n, waitTimeout)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		// At most 100 records per transaction: the 300 inputs take at least three transactions.
		fs := sess.PollRecords(ctx, 100)
		cancel()
		fs.EachError(func(t string, p int32, err error) {
			if !errors.Is(err, context.DeadlineExceeded) {
				fail("ctp fetch %s/%d: %v", t, p, err)
			}
		})
		if fs.NumRecords() == 0 {
			continue
		}
		check(sess.Begin(), "GroupTransactSession.Begin")
		var outRecs []*kgo.Record
		fs.EachRecord(func(r *kgo.Record) {
			outRecs = append(outRecs, &kgo.Record{Topic: outT, Key: r.Key, Value: append([]byte("out-"), r.Value...)})
		})
		ctx, cancel = waitCtx()
		res := sess.ProduceSync(ctx, outRecs...)
		check(res.FirstErr(), "ctp produce")
		committed, err := sess.End(ctx, kgo.TryCommit)
		cancel()
		check(err, "GroupTransactSession.End")
		txns++
		if committed {
			processed += len(outRecs)
		} else {
			aborted++
			logf("ctp transaction of %d records aborted (rebalance); will be reprocessed", len(outRecs))
		}
	}
	if processed != n || txns-aborted < 3 {
		fail("ctp committed %d records in %d transactions, want %d in at least 3", processed, txns-aborted, n)
	}
	logf("ctp: %d records in %d transactions (%d aborted)", processed, txns, aborted)

	ends := endOffsets(adm, in)
	deadline = time.Now().Add(waitTimeout)
	var fo kadm.OffsetResponses
	for {
		ctx, cancel := waitCtx()
		fo, err = adm.FetchOffsets(ctx, group)
		cancel()
		check(err, "OffsetFetch "+group)
		ok := fo.Error() == nil
		for p := int32(0); p < parts && ok; p++ {
			o, found := fo.Lookup(in, p)
			ok = found && o.At == ends[p]
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			fail("group %s committed offsets %v never equalled end offsets %v of %s (err %v)", group, offsetsOf(fo, in), ends, in, fo.Error())
		}
		time.Sleep(100 * time.Millisecond)
	}

	rc := newClient("ctp-output-reader", kgo.ConsumeTopics(outT), kgo.FetchIsolationLevel(kgo.ReadCommitted()))
	defer rc.Close()
	want := map[string]bool{}
	for _, offs := range byPart {
		for _, r := range offs {
			want["out-"+r.value] = true
		}
	}
	seen := map[string]bool{}
	consumeExpect(rc, n, func(r *kgo.Record) {
		v := string(r.Value)
		if !want[v] {
			fail("ctp output has unexpected value %q", v)
		}
		if seen[v] {
			fail("ctp output has %q twice", v)
		}
		seen[v] = true
	})
	out["ctp_input"] = n
	out["ctp_output"] = len(seen)
	out["ctp_transactions"] = txns
	out["ctp_committed_offsets"] = offsetsOf(fo, in)
}

func offsetsOf(fo kadm.OffsetResponses, topic string) map[string]int64 {
	out := map[string]int64{}
	for p, o := range fo[topic] {
		out[strconv.Itoa(int(p))] = o.At
	}
	return out
}

// ---------------------------------------------------------------------------------------------

func main() {
	if len(os.Args) == 5 && os.Args[1] == "consume-rate" {
		seeds = strings.Split(os.Args[2], ",")
		consumeRateMain()
		return
	}
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: franz <produce|group|admin|transactions> <bootstrap host:port[,...]>")
		os.Exit(2)
	}
	scenario := os.Args[1]
	seeds = strings.Split(os.Args[2], ",")
	run := map[string]func() map[string]any{
		"produce":      scenarioProduce,
		"group":        scenarioGroup,
		"admin":        scenarioAdmin,
		"transactions": scenarioTransactions,
		"refused":      scenarioRefused,
	}[scenario]
	if run == nil {
		fmt.Fprintf(os.Stderr, "franz: unknown scenario %q\n", scenario)
		os.Exit(2)
	}
	// A hard stop in case some client call blocks past its own bounds.
	go func() {
		time.Sleep(5 * time.Minute)
		fail("scenario %s did not finish within 5 minutes", scenario)
	}()
	start := time.Now()
	logf("scenario %s against %s (tag %s)", scenario, os.Args[2], tag)
	res := run()
	res["scenario"] = scenario
	res["client"] = "franz-go"
	res["ok"] = true
	res["elapsed_ms"] = time.Since(start).Milliseconds()
	emit(res)
}
