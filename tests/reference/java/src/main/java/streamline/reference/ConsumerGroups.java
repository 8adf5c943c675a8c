package streamline.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 2: subscribe() consumer groups, with args[1] = "classic" (JoinGroup/SyncGroup) or
 * "consumer" (group.protocol=consumer, KIP-848 ConsumerGroupHeartbeat).
 *
 * Two members join one group over a 4-partition topic and must settle on disjoint assignments
 * covering every partition. 200 records are then produced; across the two members each is
 * consumed exactly once, from the member owning its partition, and committed with commitSync.
 * One member is closed and a new consumer joins the same group: the pair must again split the
 * partitions, the new member's positions must be exactly the committed offsets, and of 100 more
 * records each is consumed exactly once (no old record again, none lost). Finally the group's
 * committed offsets, read with Admin, equal the end offsets.
 *
 * Prints {"protocol":"..","partitions":4,"first_round":200,"second_round":100,
 *         "first_split":[a,b],"second_split":[a,c],"committed":[..]}.
 */
public final class ConsumerGroups {
    static final int PARTITIONS = 4;
    static final int FIRST = 200;
    static final int SECOND = 100;

    public static void main(String[] args) {
        Check.run("ConsumerGroups", args, ConsumerGroups::run);
    }

    static Json run(String[] args) throws Exception {
        String bootstrap = args[0];
        String protocol = args.length > 1 ? args[1] : "classic";
        if (!protocol.equals("classic") && !protocol.equals("consumer")) {
            Check.fail("protocol must be classic or consumer, not " + protocol);
        }
        String topic = "groups-" + protocol;
        String group = "group-" + protocol;
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap);
             KafkaProducer<String, String> producer = producer(bootstrap)) {
            Check.get(admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all(),
                    "createTopics " + topic);

            KafkaConsumer<String, String> a = consumer(bootstrap, group, protocol, "member-a");
            KafkaConsumer<String, String> b = consumer(bootstrap, group, protocol, "member-b");
            a.subscribe(List.of(topic));
            b.subscribe(List.of(topic));
            awaitSplit(a, b, topic, "first round");
            List<Integer> firstSplit = List.of(a.assignment().size(), b.assignment().size());

            produce(producer, topic, 0, FIRST);
            consumeExactly(a, b, topic, 0, FIRST, "first round");

            // One member leaves; a new consumer in the same group takes over where it stopped.
            b.close(Duration.ofSeconds(10));
            KafkaConsumer<String, String> c = consumer(bootstrap, group, protocol, "member-c");
            c.subscribe(List.of(topic));
            awaitSplit(a, c, topic, "second round");
            List<Integer> secondSplit = List.of(a.assignment().size(), c.assignment().size());
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(c.assignment(), Check.WAIT);
            for (TopicPartition tp : c.assignment()) {
                OffsetAndMetadata om = committed.get(tp);
                Check.that(om != null, "the new member sees no committed offset for " + tp);
                Check.eq(om.offset(), c.position(tp, Check.WAIT), "the new member's position on " + tp);
            }

            produce(producer, topic, FIRST, SECOND);
            consumeExactly(a, c, topic, FIRST, SECOND, "second round");
            a.close(Duration.ofSeconds(10));
            c.close(Duration.ofSeconds(10));

            // The group's committed offsets are the end offsets: nothing left, nothing skipped.
            var offsets = Check.get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                    "listConsumerGroupOffsets " + group);
            var ends = Check.get(admin.listOffsets(latest(topic)).all(), "listOffsets latest");
            List<Long> committedList = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < PARTITIONS; i++) {
                TopicPartition tp = new TopicPartition(topic, i);
                OffsetAndMetadata om = offsets.get(tp);
                Check.that(om != null, "no committed offset for " + tp);
                Check.eq(ends.get(tp).offset(), om.offset(), "committed offset of " + tp);
                committedList.add(om.offset());
                total += om.offset();
            }
            Check.eq((long) (FIRST + SECOND), total, "sum of the committed offsets");
            return new Json().put("protocol", protocol).put("partitions", PARTITIONS)
                    .put("first_round", FIRST).put("second_round", SECOND)
                    .raw("first_split", Json.array(firstSplit)).raw("second_split", Json.array(secondSplit))
                    .raw("committed", Json.array(committedList));
        }
    }

    static Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest(String topic) {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> m = new HashMap<>();
        for (int i = 0; i < PARTITIONS; i++) {
            m.put(new TopicPartition(topic, i), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        return m;
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, String group, String protocol, String id) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + id);
        c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(c);
    }

    /** Records value-i for i in [from, from+count), keyed so they spread over all partitions. */
    static void produce(KafkaProducer<String, String> producer, String topic, int from, int count) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            acks.add(producer.send(new ProducerRecord<>(topic, i % PARTITIONS, "key-" + i, "value-" + i)));
        }
        producer.flush();
        for (var f : acks) Check.get(f, "send to " + topic);
    }

    /** Polls both members until their assignments are disjoint, non-empty and cover the topic. */
    static void awaitSplit(KafkaConsumer<String, String> x, KafkaConsumer<String, String> y, String topic,
                           String round) {
        long deadline = System.nanoTime() + Check.WAIT.toNanos();
        while (true) {
            // Nothing is produced before the split settles, so these polls return no records.
            Check.eq(0, x.poll(Duration.ofMillis(100)).count(), round + ": records before any were produced");
            Check.eq(0, y.poll(Duration.ofMillis(100)).count(), round + ": records before any were produced");
            Set<TopicPartition> ax = x.assignment(), ay = y.assignment();
            Set<TopicPartition> union = new HashSet<>(ax);
            union.addAll(ay);
            boolean disjoint = ax.stream().noneMatch(ay::contains);
            if (!ax.isEmpty() && !ay.isEmpty() && disjoint && union.size() == PARTITIONS) return;
            if (System.nanoTime() > deadline) {
                Check.fail(round + ": the two members did not split " + topic + " (" + ax + " / " + ay + ")");
            }
        }
    }

    /** Both members together consume exactly value-from .. value-(from+count-1), each once. */
    static void consumeExactly(KafkaConsumer<String, String> x, KafkaConsumer<String, String> y, String topic,
                               int from, int count, String round) {
        Map<String, String> seen = new TreeMap<>();
        long deadline = System.nanoTime() + Check.WAIT.toNanos();
        int quietPolls = 0;
        // Keep polling a little after the last expected record so a duplicate would show up.
        while (seen.size() < count || quietPolls < 3) {
            if (System.nanoTime() > deadline) {
                Check.fail(round + ": consumed " + seen.size() + " of " + count + " records");
            }
            int got = pollOnce(x, "x", seen, from, count, round) + pollOnce(y, "y", seen, from, count, round);
            quietPolls = (seen.size() >= count && got == 0) ? quietPolls + 1 : 0;
        }
        Check.eq(count, seen.size(), round + ": distinct records consumed");
    }

    static int pollOnce(KafkaConsumer<String, String> consumer, String name, Map<String, String> seen,
                        int from, int count, String round) {
        var records = consumer.poll(Duration.ofMillis(100));
        Set<TopicPartition> owned = consumer.assignment();
        for (ConsumerRecord<String, String> r : records) {
            int i = Integer.parseInt(r.value().substring("value-".length()));
            Check.that(i >= from && i < from + count, round + ": unexpected record " + r.value() + " at "
                    + r.partition() + "@" + r.offset() + " (a duplicate from an earlier round?)");
            Check.eq(i % PARTITIONS, r.partition(), round + ": partition of " + r.value());
            Check.that(owned.contains(new TopicPartition(r.topic(), r.partition())),
                    round + ": " + r.value() + " consumed by a member not owning its partition");
            String prev = seen.put(r.value(), name);
            Check.that(prev == null, round + ": " + r.value() + " consumed twice");
        }
        if (!records.isEmpty()) consumer.commitSync(Check.WAIT);
        return records.count();
    }
}
