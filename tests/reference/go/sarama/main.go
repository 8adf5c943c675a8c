// Command sarama owns the IBM/sarama (github.com/IBM/sarama) reference scenarios: it holds a
// Kafka-compatible broker (Streamline, or Apache Kafka as the reference) against a real Go
// client in its default configuration.
//
// Usage: sarama <produce|group|admin> <bootstrap host:port[,host:port...]>
//
// Each scenario creates its own uniquely named topics and groups, checks every outcome itself
// with exact assertions, writes progress (and sarama's own log) to stderr and prints one JSON
// object summarising the outcome as the last line of stdout. It exits 0 only on success. Every
// wait is bounded.
//
// Replication factor: 1, or $STREAMLINE_RF when set (3 against a three-broker cluster).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/IBM/sarama"
)

// waitTimeout bounds every wait in every scenario.
const waitTimeout = 60 * time.Second

var (
	addrs   []string
	tag     = fmt.Sprintf("%d-%04d", time.Now().UnixNano()/1e6, rand.Intn(10000))
	started = time.Now()
)

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "sarama: %6.2fs "+format+"\n", append([]any{time.Since(started).Seconds()}, args...)...)
}

func fail(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(os.Stderr, "sarama: FAIL: %s\n", msg)
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
		fmt.Fprintf(os.Stderr, "sarama: cannot encode summary: %v\n", err)
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

// newConfig is sarama's default configuration with only what these scenarios require:
//
//   - Version: sarama picks each request's version from Config.Version (then caps it at what the
//     broker advertises in ApiVersions). Its default, V2_8_0_0, predates the protocol that Kafka
//     4.x brokers are built around: KIP-896 removed many old request versions in Kafka 4.0, and
//     the admin and group APIs (CreateTopics, DescribeConfigs, JoinGroup, OffsetFetch, ...) are
//     only spoken at their modern versions when Version says 4.0. V4_0_0_0 is the first release
//     after that cut-over and is within what sarama v1.61 supports (up to V4_3_1_0).
//   - Producer.Return.Successes: SyncProducer refuses to start without it.
func newConfig(clientID string) *sarama.Config {
	c := sarama.NewConfig()
	c.Version = sarama.V4_0_0_0
	c.Producer.Return.Successes = true
	c.ClientID = clientID
	return c
}

func newAdmin() sarama.ClusterAdmin {
	adm, err := sarama.NewClusterAdmin(addrs, newConfig("sarama-admin"))
	check(err, "NewClusterAdmin")
	return adm
}

// createTopic creates a topic and waits until metadata shows every partition with a leader.
func createTopic(adm sarama.ClusterAdmin, topic string, partitions int32, configs map[string]*string) {
	rf := replicationFactor()
	check(adm.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: partitions, ReplicationFactor: rf, ConfigEntries: configs}, false), "CreateTopic "+topic)
	logf("created topic %s (%d partitions, rf %d)", topic, partitions, rf)
	waitTopicPartitions(adm, topic, int(partitions), int(rf))
}

func waitTopicPartitions(adm sarama.ClusterAdmin, topic string, n, rf int) {
	deadline := time.Now().Add(waitTimeout)
	var last string
	for {
		md, err := adm.DescribeTopics([]string{topic})
		if err != nil {
			last = err.Error()
		} else if len(md) != 1 || md[0].Name != topic {
			last = fmt.Sprintf("%d topics in metadata", len(md))
		} else if md[0].Err != sarama.ErrNoError {
			last = md[0].Err.Error()
		} else if len(md[0].Partitions) != n {
			last = fmt.Sprintf("%d partitions", len(md[0].Partitions))
		} else {
			ready := true
			for _, p := range md[0].Partitions {
				if p.Err != sarama.ErrNoError || p.Leader < 0 || len(p.Replicas) != rf {
					ready = false
					last = fmt.Sprintf("partition %d: leader %d, replicas %v, err %v", p.ID, p.Leader, p.Replicas, p.Err)
				}
			}
			if ready {
				return
			}
		}
		if time.Now().After(deadline) {
			fail("topic %s never showed %d partitions with leaders and %d replicas within %s (last: %s)", topic, n, rf, waitTimeout, last)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

type produced struct{ key, value string }

// produceKeyed sends n records key "k-<i>", value "v-<i>" with one SyncProducer.SendMessages
// and asserts each partition's offsets are exactly 0..count-1 in produce order.
func produceKeyed(topic string, n int) map[int32]map[int64]produced {
	prod, err := sarama.NewSyncProducer(addrs, newConfig("sarama-producer"))
	check(err, "NewSyncProducer")
	defer prod.Close()
	msgs := make([]*sarama.ProducerMessage, n)
	for i := range msgs {
		msgs[i] = &sarama.ProducerMessage{Topic: topic, Key: sarama.StringEncoder(fmt.Sprintf("k-%d", i)), Value: sarama.StringEncoder(fmt.Sprintf("v-%d", i))}
	}
	if err := prod.SendMessages(msgs); err != nil {
		var perrs sarama.ProducerErrors
		if errors.As(err, &perrs) && len(perrs) > 0 {
			fail("SendMessages: %d of %d records failed, first: %v", len(perrs), n, perrs[0].Err)
		}
		fail("SendMessages: %v", err)
	}
	byPart := map[int32]map[int64]produced{}
	last := map[int32]int64{}
	for i, m := range msgs {
		if prev, ok := last[m.Partition]; ok && m.Offset <= prev {
			fail("partition %d: record %d acked at offset %d, not after the previous record's %d", m.Partition, i, m.Offset, prev)
		}
		last[m.Partition] = m.Offset
		if byPart[m.Partition] == nil {
			byPart[m.Partition] = map[int64]produced{}
		}
		if _, dup := byPart[m.Partition][m.Offset]; dup {
			fail("partition %d: offset %d acked twice", m.Partition, m.Offset)
		}
		byPart[m.Partition][m.Offset] = produced{fmt.Sprintf("k-%d", i), fmt.Sprintf("v-%d", i)}
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

func counts(byPart map[int32]map[int64]produced) map[string]int {
	out := map[string]int{}
	for p, offs := range byPart {
		out[strconv.Itoa(int(p))] = len(offs)
	}
	return out
}

// endOffsets asks the partition leaders for the newest offsets (ListOffsets latest).
func endOffsets(topic string, parts int32) map[int32]int64 {
	cl, err := sarama.NewClient(addrs, newConfig("sarama-offsets"))
	check(err, "NewClient")
	defer cl.Close()
	out := map[int32]int64{}
	for p := int32(0); p < parts; p++ {
		o, err := cl.GetOffset(topic, p, sarama.OffsetNewest)
		check(err, fmt.Sprintf("ListOffsets(latest) %s/%d", topic, p))
		out[p] = o
	}
	return out
}

// ---------------------------------------------------------------------------------------------
// produce

func scenarioProduce() map[string]any {
	const n, parts = 1000, 3
	topic := "sarama-produce-" + tag
	adm := newAdmin()
	defer adm.Close()
	createTopic(adm, topic, parts, nil)

	byPart := produceKeyed(topic, n)
	pc := counts(byPart)
	total := 0
	for p := int32(0); p < parts; p++ {
		total += len(byPart[p])
	}
	if total != n || len(byPart) > parts {
		fail("produced %d records over partitions %v, want %d over %d partitions", total, pc, n, parts)
	}
	logf("produced %d records: %v", n, pc)
	// sarama's default acks is 1 (WaitForLocal): the leader answers before its followers have
	// the records, so with replicas the high watermark (the end offset ListOffsets reports)
	// may trail the acks briefly. Poll for it.
	deadline := time.Now().Add(waitTimeout)
	for {
		ends := endOffsets(topic, parts)
		same := true
		for p := int32(0); p < parts; p++ {
			if ends[p] != int64(len(byPart[p])) {
				same = false
			}
		}
		if same {
			break
		}
		if time.Now().After(deadline) {
			fail("end offsets %v never matched the produced counts %v within %s", ends, pc, waitTimeout)
		}
		time.Sleep(100 * time.Millisecond)
	}

	cons, err := sarama.NewConsumer(addrs, newConfig("sarama-consumer"))
	check(err, "NewConsumer")
	defer cons.Close()
	consumed := 0
	for p := int32(0); p < parts; p++ {
		pcons, err := cons.ConsumePartition(topic, p, sarama.OffsetOldest)
		check(err, fmt.Sprintf("ConsumePartition %s/%d", topic, p))
		want := len(byPart[p])
		timeout := time.After(waitTimeout)
		for next := int64(0); next < int64(want); next++ {
			select {
			case m := <-pcons.Messages():
				w := byPart[p][m.Offset]
				if m.Offset != next {
					fail("partition %d: consumed offset %d, expected %d", p, m.Offset, next)
				}
				if string(m.Key) != w.key || string(m.Value) != w.value {
					fail("partition %d offset %d: consumed %q=%q, produced %q=%q", p, m.Offset, m.Key, m.Value, w.key, w.value)
				}
				consumed++
			case cerr := <-pcons.Errors():
				fail("consuming %s/%d: %v", topic, p, cerr)
			case <-timeout:
				fail("partition %d: consumed %d of %d records within %s", p, next, want, waitTimeout)
			}
		}
		select {
		case m := <-pcons.Messages():
			fail("partition %d: unexpected extra record at offset %d", p, m.Offset)
		case <-time.After(500 * time.Millisecond):
		}
		check(pcons.Close(), "closing partition consumer")
	}
	if consumed != n {
		fail("consumed %d records, want %d", consumed, n)
	}
	return map[string]any{"produced": n, "consumed": consumed, "partitions": pc, "topic": topic}
}

// ---------------------------------------------------------------------------------------------
// group

type member struct {
	name string
	mu   sync.Mutex
	// generation -> claimed partitions, and how many ConsumeClaim calls started in it
	claims  map[int32][]int32
	started map[int32]int
	gen     int32
	ever    map[int32]bool
	msgs    []*sarama.ConsumerMessage
}

func (m *member) Setup(s sarama.ConsumerGroupSession) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ps []int32
	for _, tps := range s.Claims() {
		ps = append(ps, tps...)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i] < ps[j] })
	m.gen = s.GenerationID()
	m.claims[m.gen] = ps
	for _, p := range ps {
		m.ever[p] = true
	}
	logf("%s: generation %d, claims %v", m.name, m.gen, ps)
	return nil
}

func (m *member) Cleanup(s sarama.ConsumerGroupSession) error {
	s.Commit() // synchronous commit of everything marked in this session
	logf("%s: generation %d ended, offsets committed", m.name, s.GenerationID())
	return nil
}

func (m *member) ConsumeClaim(s sarama.ConsumerGroupSession, c sarama.ConsumerGroupClaim) error {
	m.mu.Lock()
	m.started[s.GenerationID()]++
	m.mu.Unlock()
	for {
		select {
		case msg, ok := <-c.Messages():
			if !ok {
				return nil
			}
			m.mu.Lock()
			m.msgs = append(m.msgs, msg)
			m.mu.Unlock()
			s.MarkMessage(msg, "")
		case <-s.Context().Done():
			return nil
		}
	}
}

func (m *member) state() (gen int32, claims []int32, started int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.gen, m.claims[m.gen], m.started[m.gen]
}

func (m *member) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.msgs)
}

func scenarioGroup() map[string]any {
	const n, parts = 1000, 4
	topic := "sarama-group-" + tag
	group := "sarama-group-" + tag
	adm := newAdmin()
	defer adm.Close()
	createTopic(adm, topic, parts, nil)

	members := []*member{{name: "member-1"}, {name: "member-2"}}
	groups := make([]sarama.ConsumerGroup, len(members))
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i, m := range members {
		m.claims, m.started, m.ever = map[int32][]int32{}, map[int32]int{}, map[int32]bool{}
		cg, err := sarama.NewConsumerGroup(addrs, group, newConfig("sarama-"+m.name))
		check(err, "NewConsumerGroup "+m.name)
		groups[i] = cg
		wg.Add(1)
		go func(m *member, cg sarama.ConsumerGroup) {
			defer wg.Done()
			for ctx.Err() == nil {
				if err := cg.Consume(ctx, []string{topic}, m); err != nil {
					if errors.Is(err, sarama.ErrClosedConsumerGroup) {
						return
					}
					select {
					case errs <- fmt.Sprintf("%s: Consume: %v", m.name, err):
					default:
					}
					time.Sleep(200 * time.Millisecond)
				}
			}
		}(m, cg)
	}

	// Wait until both members are in the same generation, hold disjoint partitions covering the
	// topic, and consume every claim; only then produce (sarama's default initial offset is the
	// newest one, resolved when a claim starts).
	deadline := time.Now().Add(waitTimeout)
	for {
		g1, c1, s1 := members[0].state()
		g2, c2, s2 := members[1].state()
		union := map[int32]bool{}
		for _, p := range append(append([]int32{}, c1...), c2...) {
			union[p] = true
		}
		if g1 == g2 && len(c1) > 0 && len(c2) > 0 && len(union) == parts && len(c1)+len(c2) == parts && s1 == len(c1) && s2 == len(c2) {
			logf("group stable in generation %d: member-1 %v, member-2 %v", g1, c1, c2)
			break
		}
		select {
		case e := <-errs:
			stop()
			fail("%s", e)
		default:
		}
		if time.Now().After(deadline) {
			stop()
			fail("group %s never stable with both members holding partitions within %s (member-1 gen %d %v, member-2 gen %d %v)", group, waitTimeout, g1, c1, g2, c2)
		}
		time.Sleep(100 * time.Millisecond)
	}

	byPart := produceKeyed(topic, n)
	logf("produced %d records: %v", n, counts(byPart))

	deadline = time.Now().Add(waitTimeout)
	for members[0].count()+members[1].count() < n {
		select {
		case e := <-errs:
			stop()
			fail("%s", e)
		default:
		}
		if time.Now().After(deadline) {
			stop()
			fail("members consumed %d of %d records within %s (member-1 %d, member-2 %d)", members[0].count()+members[1].count(), n, waitTimeout, members[0].count(), members[1].count())
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // any duplicate delivery would show up here
	_, final1, _ := members[0].state()
	_, final2, _ := members[1].state()

	stop()
	var cw sync.WaitGroup
	for i, cg := range groups {
		cw.Add(1)
		go func(i int, cg sarama.ConsumerGroup) {
			defer cw.Done()
			if err := cg.Close(); err != nil {
				fail("closing %s: %v", members[i].name, err)
			}
		}(i, cg)
	}
	cw.Wait()
	wg.Wait()

	seen := map[int32]map[int64]string{}
	perMember := map[string]int{}
	for _, m := range members {
		for _, msg := range m.msgs {
			want, ok := byPart[msg.Partition][msg.Offset]
			if msg.Topic != topic || !ok {
				fail("%s consumed unexpected record %s/%d@%d", m.name, msg.Topic, msg.Partition, msg.Offset)
			}
			if string(msg.Key) != want.key || string(msg.Value) != want.value {
				fail("%s: partition %d offset %d is %q=%q, produced %q=%q", m.name, msg.Partition, msg.Offset, msg.Key, msg.Value, want.key, want.value)
			}
			if !m.ever[msg.Partition] {
				fail("%s consumed partition %d, which it never claimed", m.name, msg.Partition)
			}
			if seen[msg.Partition] == nil {
				seen[msg.Partition] = map[int64]string{}
			}
			if by, dup := seen[msg.Partition][msg.Offset]; dup {
				fail("partition %d offset %d consumed twice (by %s and %s)", msg.Partition, msg.Offset, by, m.name)
			}
			seen[msg.Partition][msg.Offset] = m.name
		}
		perMember[m.name] = len(m.msgs)
	}
	for p, offs := range byPart {
		if len(seen[p]) != len(offs) {
			fail("partition %d: %d of %d records consumed", p, len(seen[p]), len(offs))
		}
	}

	ends := endOffsets(topic, parts)
	all := []int32{0, 1, 2, 3}
	resp, err := adm.ListConsumerGroupOffsets(group, map[string][]int32{topic: all})
	check(err, "ListConsumerGroupOffsets "+group)
	if resp.Err != sarama.ErrNoError {
		fail("ListConsumerGroupOffsets %s: %v", group, resp.Err)
	}
	committed := map[string]int64{}
	for _, p := range all {
		b := resp.GetBlock(topic, p)
		if b == nil {
			fail("group %s: no offset block for %s/%d", group, topic, p)
		}
		if b.Err != sarama.ErrNoError || b.Offset != ends[p] || ends[p] != int64(len(byPart[p])) {
			fail("group %s partition %d: committed %d (err %v), end offset %d, produced %d", group, p, b.Offset, b.Err, ends[p], len(byPart[p]))
		}
		committed[strconv.Itoa(int(p))] = b.Offset
	}
	return map[string]any{"produced": n, "consumed": perMember["member-1"] + perMember["member-2"], "members": perMember,
		"claims": map[string][]int32{"member-1": final1, "member-2": final2}, "committed": committed, "topic": topic, "group": group}
}

// ---------------------------------------------------------------------------------------------
// admin

func scenarioAdmin() map[string]any {
	a, b := "sarama-admin-a-"+tag, "sarama-admin-b-"+tag
	adm := newAdmin()
	defer adm.Close()
	rf := replicationFactor()
	ret := "3600000"
	check(adm.CreateTopic(a, &sarama.TopicDetail{NumPartitions: 2, ReplicationFactor: rf, ConfigEntries: map[string]*string{"retention.ms": &ret}}, false), "CreateTopic "+a)
	check(adm.CreateTopic(b, &sarama.TopicDetail{NumPartitions: 5, ReplicationFactor: rf}, false), "CreateTopic "+b)
	logf("created %s (2 partitions, retention.ms) and %s (5 partitions)", a, b)

	// Creating it again must be refused with TOPIC_ALREADY_EXISTS.
	err := adm.CreateTopic(a, &sarama.TopicDetail{NumPartitions: 2, ReplicationFactor: rf}, false)
	var te *sarama.TopicError
	if !errors.As(err, &te) || te.Err != sarama.ErrTopicAlreadyExists {
		fail("re-creating %s: got %v, want TOPIC_ALREADY_EXISTS", a, err)
	}

	listed := waitListed(adm, map[string]int32{a: 2, b: 5})
	if v := listed[a].ConfigEntries["retention.ms"]; v == nil || *v != ret {
		fail("ListTopics %s: retention.ms = %v, want %s among its non-default configs", a, strp(v), ret)
	}
	if v, ok := listed[b].ConfigEntries["retention.ms"]; ok {
		fail("ListTopics %s: retention.ms = %v listed as a non-default config", b, strp(v))
	}
	if listed[a].ReplicationFactor != rf || listed[b].ReplicationFactor != rf {
		fail("ListTopics: replication factors %d and %d, want %d", listed[a].ReplicationFactor, listed[b].ReplicationFactor, rf)
	}

	entries, err := adm.DescribeConfig(sarama.ConfigResource{Type: sarama.TopicResource, Name: a})
	check(err, "DescribeConfig "+a)
	var got *sarama.ConfigEntry
	for i := range entries {
		if entries[i].Name == "retention.ms" {
			got = &entries[i]
		}
	}
	if got == nil || got.Value != ret || got.Source != sarama.SourceTopic || got.Default {
		fail("DescribeConfig %s: retention.ms entry %+v, want value %s from the topic's own config", a, got, ret)
	}
	entries, err = adm.DescribeConfig(sarama.ConfigResource{Type: sarama.TopicResource, Name: b})
	check(err, "DescribeConfig "+b)
	got = nil
	for i := range entries {
		if entries[i].Name == "retention.ms" {
			got = &entries[i]
		}
	}
	if got == nil || got.Source == sarama.SourceTopic || got.Value == ret {
		fail("DescribeConfig %s: retention.ms entry %+v, want a non-topic default", b, got)
	}
	logf("DescribeConfig: %s retention.ms=%s, %s retention.ms=%s (%v)", a, ret, b, got.Value, got.Source)

	check(adm.CreatePartitions(b, 8, nil, false), "CreatePartitions "+b)
	waitListed(adm, map[string]int32{a: 2, b: 8})
	waitTopicPartitions(adm, b, 8, int(rf))
	logf("grew %s to 8 partitions", b)

	check(adm.DeleteTopic(a), "DeleteTopic "+a)
	check(adm.DeleteTopic(b), "DeleteTopic "+b)
	deadline := time.Now().Add(waitTimeout)
	for {
		ts, err := adm.ListTopics()
		check(err, "ListTopics after delete")
		_, hasA := ts[a]
		_, hasB := ts[b]
		if !hasA && !hasB {
			break
		}
		if time.Now().After(deadline) {
			fail("topics still listed %s after DeleteTopic: %s=%v %s=%v", waitTimeout, a, hasA, b, hasB)
		}
		time.Sleep(100 * time.Millisecond)
	}
	err = adm.DeleteTopic(a)
	if !errors.Is(err, sarama.ErrUnknownTopicOrPartition) {
		fail("deleting %s again: got %v, want UNKNOWN_TOPIC_OR_PARTITION", a, err)
	}
	logf("deleted %s and %s", a, b)
	return map[string]any{"created": []string{a, b}, "partitions": map[string]int{a: 2, b: 8}, "retention_ms": ret, "deleted": 2}
}

func strp(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// waitListed polls ClusterAdmin.ListTopics until each topic is listed with its partition count.
func waitListed(adm sarama.ClusterAdmin, want map[string]int32) map[string]sarama.TopicDetail {
	deadline := time.Now().Add(waitTimeout)
	for {
		ts, err := adm.ListTopics()
		check(err, "ListTopics")
		ok := true
		var diffs []string
		for t, n := range want {
			if d, found := ts[t]; !found || d.NumPartitions != n {
				ok = false
				diffs = append(diffs, fmt.Sprintf("%s: listed %v with %d partitions, want %d", t, found, d.NumPartitions, n))
			}
		}
		if ok {
			return ts
		}
		if time.Now().After(deadline) {
			fail("ListTopics never showed the expected topics within %s: %s", waitTimeout, strings.Join(diffs, "; "))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// ---------------------------------------------------------------------------------------------

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sarama <produce|group|admin> <bootstrap host:port[,...]>")
		os.Exit(2)
	}
	scenario := os.Args[1]
	addrs = strings.Split(os.Args[2], ",")
	run := map[string]func() map[string]any{
		"produce": scenarioProduce,
		"group":   scenarioGroup,
		"admin":   scenarioAdmin,
	}[scenario]
	if run == nil {
		fmt.Fprintf(os.Stderr, "sarama: unknown scenario %q\n", scenario)
		os.Exit(2)
	}
	// sarama's own log (connections, rebalances, errors) goes to stderr for diagnosis.
	sarama.Logger = log.New(os.Stderr, "[sarama] ", log.Ltime|log.Lmicroseconds)
	go func() {
		time.Sleep(5 * time.Minute)
		fail("scenario %s did not finish within 5 minutes", scenario)
	}()
	logf("scenario %s against %s (tag %s)", scenario, os.Args[2], tag)
	res := run()
	res["scenario"] = scenario
	res["client"] = "sarama"
	res["ok"] = true
	res["elapsed_ms"] = time.Since(started).Milliseconds()
	emit(res)
}
