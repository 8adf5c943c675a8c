package streamline.reference;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Scenario 1: the producer in its default configuration (idempotent, acks=all) sends 10,000
 * keyed records to a 3-partition topic created with Admin. Checks that every send is
 * acknowledged on the partition the default partitioner picks for its key (murmur2), that each
 * partition's offsets are exactly 0..n-1 in send order, that the end offsets equal those counts,
 * and that a consumer reads back every record with the same partition, offset, key and value.
 *
 * Prints {"records":10000,"partitions":3,"per_partition":[..],"end_offsets":[..],"read_back":10000}.
 */
public final class ProducerDefaults {
    static final String TOPIC = "producer-defaults";
    static final int PARTITIONS = 3;
    static final int RECORDS = 10_000;

    record Sent(String key, String value, int partition, long offset) {}

    public static void main(String[] args) {
        Check.run("ProducerDefaults", args, ProducerDefaults::run);
    }

    static Json run(String[] args) throws Exception {
        String bootstrap = args[0];
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            Check.get(admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all(),
                    "createTopics " + TOPIC);

            // Only the bootstrap address and serializers: everything else is the client default.
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            List<Sent> sent = new ArrayList<>(RECORDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                List<Future<RecordMetadata>> acks = new ArrayList<>(RECORDS);
                for (int i = 0; i < RECORDS; i++) {
                    acks.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "value-" + i)));
                }
                producer.flush();
                for (int i = 0; i < RECORDS; i++) {
                    RecordMetadata md = Check.get(acks.get(i), "send " + i);
                    sent.add(new Sent("key-" + i, "value-" + i, md.partition(), md.offset()));
                }
            }

            // Each record on the partition its key hashes to, offsets contiguous in send order.
            long[] next = new long[PARTITIONS];
            for (Sent s : sent) {
                int expected = Utils.toPositive(Utils.murmur2(s.key().getBytes(StandardCharsets.UTF_8)))
                        % PARTITIONS;
                Check.eq(expected, s.partition(), "partition of " + s.key());
                Check.eq(next[s.partition()], s.offset(), "offset of " + s.key() + " on partition " + s.partition());
                next[s.partition()]++;
            }

            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int i = 0; i < PARTITIONS; i++) latest.put(new TopicPartition(TOPIC, i), OffsetSpec.latest());
            var ends = Check.get(admin.listOffsets(latest).all(), "listOffsets latest");
            List<Long> endOffsets = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                long end = ends.get(new TopicPartition(TOPIC, i)).offset();
                Check.eq(next[i], end, "end offset of partition " + i);
                endOffsets.add(end);
                counts.add(next[i]);
            }

            int readBack = readBack(bootstrap, sent);
            return new Json().put("records", RECORDS).put("partitions", PARTITIONS)
                    .raw("per_partition", Json.array(counts)).raw("end_offsets", Json.array(endOffsets))
                    .put("read_back", readBack);
        }
    }

    /** Reads all partitions from the beginning and compares every record with what was sent. */
    static int readBack(String bootstrap, List<Sent> sent) {
        Map<String, Sent> byPosition = new HashMap<>();
        for (Sent s : sent) byPosition.put(s.partition() + "@" + s.offset(), s);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) tps.add(new TopicPartition(TOPIC, i));
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long deadline = System.nanoTime() + Check.WAIT.toNanos();
            while (seen < RECORDS) {
                if (System.nanoTime() > deadline) Check.fail("read back only " + seen + " of " + RECORDS + " records");
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Sent s = byPosition.remove(r.partition() + "@" + r.offset());
                    if (s == null) Check.fail("unexpected record at " + r.partition() + "@" + r.offset() + ": " + r.key());
                    Check.eq(s.key(), r.key(), "key at " + r.partition() + "@" + r.offset());
                    Check.eq(s.value(), r.value(), "value at " + r.partition() + "@" + r.offset());
                    seen++;
                }
            }
            // Nothing beyond the end: one more poll must come back empty.
            Check.eq(0, consumer.poll(Duration.ofMillis(300)).count(), "records beyond the end offsets");
        }
        return seen;
    }
}
