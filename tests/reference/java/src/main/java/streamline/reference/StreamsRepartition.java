package streamline.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Scenario 5: a Kafka Streams 4.4 application under processing.guarantee=exactly_once_v2 with a
 * stateless topology that repartitions: selectKey (the group prefix of the value) ->
 * repartition (2 partitions, topic "<app>-by-group-repartition") -> mapValues (upper case) ->
 * streams-output. 40 records are produced to the 3-partition streams-input beforehand.
 *
 * Checks the repartition topic Streams creates (2 partitions), that a read_committed consumer
 * of streams-output sees exactly the 40 transformed records once each (compared as a sorted
 * list: records of one key come from different input partitions, so their order is not fixed),
 * and that the application's committed input offsets are the input's end offsets.
 *
 * Prints {"input":40,"output":40,"repartition_partitions":2,"keys":{"g0":10,..},"committed":[..]}.
 */
public final class StreamsRepartition {
    static final String APP = "streams-eos-repartition";
    static final String IN = "streams-input";
    static final String OUT = "streams-output";
    static final String REPARTITION = APP + "-by-group-repartition";
    static final int RECORDS = 40;
    static final int GROUPS = 4;

    public static void main(String[] args) {
        Check.run("StreamsRepartition", args, StreamsRepartition::run);
    }

    static Json run(String[] args) throws Exception {
        String bootstrap = args[0];
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Path stateDir = Files.createTempDirectory("streamline-streams-");
        try (Admin admin = Admin.create(ap)) {
            Check.get(admin.createTopics(List.of(new NewTopic(IN, 3, (short) 1), new NewTopic(OUT, 1, (short) 1))).all(),
                    "createTopics");
            List<String> expected = new ArrayList<>();
            try (KafkaProducer<String, String> p = producer(bootstrap)) {
                List<Future<?>> acks = new ArrayList<>();
                for (int i = 0; i < RECORDS; i++) {
                    String value = "g" + (i % GROUPS) + ":" + i;
                    acks.add(p.send(new ProducerRecord<>(IN, "user-" + i, value)));
                    expected.add("g" + (i % GROUPS) + "=" + value.toUpperCase());
                }
                p.flush();
                for (var f : acks) Check.get(f, "send to " + IN);
            }
            Collections.sort(expected);

            Properties sp = new Properties();
            sp.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
            sp.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            sp.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            sp.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            sp.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
            sp.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
            sp.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
            // Opts in to the 5.0 default now, so Streams' advice about it is not a logged warning.
            sp.put("processing.exception.handler.global.enabled", true);
            sp.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

            // The builder gets the same configuration (its default would be a second, empty one).
            StreamsBuilder builder = new StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(new StreamsConfig(sp)));
            builder.<String, String>stream(IN)
                    .selectKey((k, v) -> v.substring(0, v.indexOf(':')))
                    .repartition(Repartitioned.<String, String>as("by-group").withNumberOfPartitions(2))
                    .mapValues(v -> v.toUpperCase())
                    .to(OUT);
            List<String> got;
            Map<String, Integer> perKey = new HashMap<>();
            try (KafkaStreams streams = new KafkaStreams(builder.build(sp), sp)) {
                Throwable[] died = new Throwable[1];
                streams.setUncaughtExceptionHandler(e -> {
                    died[0] = e;
                    return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
                            .StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                streams.start();
                got = readOutput(bootstrap, died);
                streams.close(Duration.ofSeconds(15));
                Check.that(died[0] == null, "the Streams application failed: " + died[0]);
            }
            got.sort(Comparator.naturalOrder());
            Check.eq(expected, got, "streams-output (read_committed, sorted)");
            for (String r : got) perKey.merge(r.substring(0, r.indexOf('=')), 1, Integer::sum);

            var repartition = Check.get(admin.describeTopics(List.of(REPARTITION)).allTopicNames(),
                    "describeTopics " + REPARTITION).get(REPARTITION);
            Check.eq(2, repartition.partitions().size(), "partitions of " + REPARTITION);

            // The input offsets were committed in the same transactions as the output.
            var offsets = Check.get(admin.listConsumerGroupOffsets(APP).partitionsToOffsetAndMetadata(),
                    "listConsumerGroupOffsets " + APP);
            List<Long> committed = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 3; i++) {
                TopicPartition tp = new TopicPartition(IN, i);
                long end = Check.get(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp),
                        "listOffsets " + tp).offset();
                Check.that(offsets.get(tp) != null, "no committed offset for " + tp);
                Check.eq(end, offsets.get(tp).offset(), "committed offset of " + tp);
                committed.add(end);
                total += end;
            }
            Check.eq((long) RECORDS, total, "sum of the committed input offsets");

            StringBuilder keys = new StringBuilder("{");
            for (int g = 0; g < GROUPS; g++) {
                if (g > 0) keys.append(',');
                keys.append(Json.quote("g" + g)).append(':').append(perKey.getOrDefault("g" + g, 0));
            }
            return new Json().put("input", RECORDS).put("output", got.size())
                    .put("repartition_partitions", repartition.partitions().size())
                    .raw("keys", keys.append('}').toString()).raw("committed", Json.array(committed));
        } finally {
            deleteTree(stateDir);
        }
    }

    /** The output as "key=value", read with read_committed until all arrive, then a while longer. */
    static List<String> readOutput(String bootstrap, Throwable[] died) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> got = new ArrayList<>();
        TopicPartition out0 = new TopicPartition(OUT, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.assign(List.of(out0));
            consumer.seekToBeginning(List.of(out0));
            // Streams needs a rebalance and topic creation first: allow it twice the usual wait.
            long deadline = System.nanoTime() + 2 * Check.WAIT.toNanos();
            while (got.size() < RECORDS) {
                if (died[0] != null) Check.fail("the Streams application failed: " + died[0]);
                if (System.nanoTime() > deadline) Check.fail("streams-output has only " + got.size() + " of " + RECORDS
                        + " records: " + got);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    got.add(r.key() + "=" + r.value());
                }
            }
            // A further second of polling would reveal duplicates from a repeated transaction.
            long quiet = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < quiet) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    got.add(r.key() + "=" + r.value());
                }
            }
        }
        return got;
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
