package streamline.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scenario 6: a Kafka Streams 4.4 word count under processing.guarantee=exactly_once_v2 whose
 * state lives in a compacted changelog: wordcount-lines (2 partitions) -> flatMapValues (split
 * into words) -> groupBy word (repartition topic "<app>-words-repartition") -> count() into the
 * persistent store "counts" (changelog "<app>-counts-changelog", which Streams creates with
 * cleanup.policy=compact; the program adds segment.ms=100 and min.cleanable.dirty.ratio=0.01 so
 * it rolls and gets cleaned within the run) -> wordcount-counts. The record cache is off, so
 * every count update reaches the changelog and the output: one changelog record per word.
 *
 * Phase 1 produces 200 deterministic lines from a 12-word vocabulary in 4 rounds, 150 ms apart
 * (the changelog rolls a segment between rounds), waiting after each round until the output's
 * latest count per word (read_committed) is the exact count so far. Streams then stops, and
 * the program waits until the changelog is compacted: fewer committed records than words
 * written, with the latest value of each word still its count. Phase 2 starts the application
 * again on an empty state directory, so its store is restored from that compacted changelog,
 * and produces 50 more lines: the output must reach the exact counts of all 250 lines. Last,
 * the changelog's cleanup.policy (Admin describeConfigs) must be "compact", its latest value
 * per word the final count, and the repartition topic's policy "delete".
 *
 * Prints {"lines":250,"words":..,"distinct":12,"counts":{..},"changelog_partitions":2,
 * "changelog_policy":"compact","repartition_policy":"delete","changelog_compacted":true,
 * "changelog_ok":true,"restored_ok":true}.
 */
public final class StreamsWordCount {
    static final String APP = "streams-wordcount";
    static final String IN = "wordcount-lines";
    static final String OUT = "wordcount-counts";
    static final String CHANGELOG = APP + "-counts-changelog";
    static final String REPARTITION = APP + "-words-repartition";
    static final int ROUNDS = 4;
    static final int LINES_PER_ROUND = 50;
    static final String[] VOCABULARY = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
        "golf", "hotel", "india", "juliett", "kilo", "lima",
    };

    public static void main(String[] args) {
        Check.run("StreamsWordCount", args, StreamsWordCount::run);
    }

    /** Line i: 1 to 6 words, picked by a fixed linear congruential sequence seeded with i. */
    static String line(int i) {
        long x = 1_000_003L * (i + 1);
        int n = 1 + i % 6;
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < n; j++) {
            x = (x * 6364136223846793005L + 1442695040888963407L);
            int w = (int) Math.floorMod(x >>> 33, (long) VOCABULARY.length);
            if (j > 0) sb.append(' ');
            // Upper case now and then: the topology lower-cases words before counting them.
            sb.append(j % 4 == 3 ? VOCABULARY[w].toUpperCase() : VOCABULARY[w]);
        }
        return sb.toString();
    }

    static Json run(String[] args) throws Exception {
        String bootstrap = args[0];
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<Path> stateDirs = new ArrayList<>();
        try (Admin admin = Admin.create(ap);
             KafkaProducer<String, String> producer = StreamsRepartition.producer(bootstrap);
             KafkaConsumer<String, Long> output = countsConsumer(bootstrap)) {
            Check.get(admin.createTopics(List.of(new NewTopic(IN, 2, (short) 1), new NewTopic(OUT, 1, (short) 1))).all(),
                    "createTopics");
            TopicPartition out0 = new TopicPartition(OUT, 0);
            output.assign(List.of(out0));
            output.seekToBeginning(List.of(out0));
            Map<String, Long> latest = new HashMap<>();
            Map<String, Long> expected = new TreeMap<>();
            long words = 0;
            int lines = 0;

            // Phase 1: four rounds, each waited for, so the changelog has several segments.
            Path state1 = Files.createTempDirectory("streamline-wordcount-");
            stateDirs.add(state1);
            long phase1Words;
            try (App app = new App(bootstrap, state1)) {
                for (int round = 0; round < ROUNDS; round++) {
                    if (round > 0) Check.sleep(150);
                    words += produce(producer, lines, LINES_PER_ROUND, expected);
                    lines += LINES_PER_ROUND;
                    awaitCounts(output, latest, expected, app, "round " + (round + 1));
                }
                phase1Words = words;
                app.close();
            }
            quiet(output, latest, expected, "after phase 1");

            // The changelog: compacted (fewer records than the words counted), latest values intact.
            var describe = Check.get(admin.describeTopics(List.of(CHANGELOG)).allTopicNames(),
                    "describeTopics " + CHANGELOG).get(CHANGELOG);
            int changelogPartitions = describe.partitions().size();
            long deadline = System.nanoTime() + Check.WAIT.toNanos();
            long[] changelogRecords = new long[1];
            Map<String, Long> changelog = readChangelog(bootstrap, changelogPartitions, changelogRecords);
            while (changelogRecords[0] >= phase1Words) {
                if (System.nanoTime() > deadline) {
                    Check.fail(CHANGELOG + " was not compacted: still " + changelogRecords[0]
                            + " records for " + phase1Words + " words counted");
                }
                Check.sleep(200);
                changelog = readChangelog(bootstrap, changelogPartitions, changelogRecords);
            }
            Check.eq(expected, new TreeMap<>(changelog), "latest value per word in the compacted " + CHANGELOG);
            System.err.println("StreamsWordCount: " + CHANGELOG + " holds " + changelogRecords[0]
                    + " records for " + phase1Words + " words");

            // Phase 2: a new instance with no local state restores the store from the changelog.
            Path state2 = Files.createTempDirectory("streamline-wordcount-");
            stateDirs.add(state2);
            try (App app = new App(bootstrap, state2)) {
                words += produce(producer, lines, LINES_PER_ROUND, expected);
                lines += LINES_PER_ROUND;
                awaitCounts(output, latest, expected, app, "after restoring from " + CHANGELOG);
                app.close();
            }
            quiet(output, latest, expected, "after phase 2");

            changelog = readChangelog(bootstrap, changelogPartitions, changelogRecords);
            Check.eq(expected, new TreeMap<>(changelog), "latest value per word in " + CHANGELOG);

            Map<String, String> policies = new HashMap<>();
            for (String topic : List.of(CHANGELOG, REPARTITION)) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                var config = Check.get(admin.describeConfigs(List.of(r)).all(), "describeConfigs " + topic).get(r);
                policies.put(topic, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            }
            Check.eq("compact", policies.get(CHANGELOG), "cleanup.policy of " + CHANGELOG);

            StringBuilder counts = new StringBuilder("{");
            for (var e : expected.entrySet()) {
                if (counts.length() > 1) counts.append(',');
                counts.append(Json.quote(e.getKey())).append(':').append(e.getValue());
            }
            return new Json().put("lines", lines).put("words", words).put("distinct", expected.size())
                    .raw("counts", counts.append('}').toString())
                    .put("changelog_partitions", changelogPartitions)
                    .put("changelog_policy", policies.get(CHANGELOG))
                    .put("repartition_policy", policies.get(REPARTITION))
                    .put("changelog_compacted", true).put("changelog_ok", true).put("restored_ok", true);
        } finally {
            for (Path dir : stateDirs) StreamsRepartition.deleteTree(dir);
        }
    }

    /** Produces lines [first, first+n) keyed "line-i", adds their words to expected; returns the word count. */
    static long produce(KafkaProducer<String, String> producer, int first, int n, Map<String, Long> expected) {
        List<Future<?>> acks = new ArrayList<>();
        long words = 0;
        for (int i = first; i < first + n; i++) {
            String text = line(i);
            acks.add(producer.send(new ProducerRecord<>(IN, "line-" + i, text)));
            for (String w : text.split(" ")) {
                expected.merge(w.toLowerCase(), 1L, Long::sum);
                words++;
            }
        }
        producer.flush();
        for (var f : acks) Check.get(f, "send to " + IN);
        return words;
    }

    /** The word count application, closed by leaving its group so the next instance need not wait. */
    static final class App implements AutoCloseable {
        final KafkaStreams streams;
        final Throwable[] died = new Throwable[1];
        boolean closed;

        App(String bootstrap, Path stateDir) {
            Properties sp = new Properties();
            sp.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
            sp.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            sp.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            sp.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            sp.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
            sp.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
            sp.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
            sp.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            // No record cache: every count update goes to the changelog and the output.
            sp.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
            sp.put("processing.exception.handler.global.enabled", true);
            sp.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

            StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(sp)));
            builder.stream(IN, Consumed.with(Serdes.String(), Serdes.String()))
                    .flatMapValues(text -> Arrays.asList(text.toLowerCase().split(" ")))
                    .groupBy((key, word) -> word, Grouped.with("words", Serdes.String(), Serdes.String()))
                    .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts")
                            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                            // Small segments and any dirty ratio: the changelog gets cleaned in the run.
                            .withLoggingEnabled(Map.of(TopicConfig.SEGMENT_MS_CONFIG, "100",
                                    TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")))
                    .toStream()
                    .to(OUT, Produced.with(Serdes.String(), Serdes.Long()));
            streams = new KafkaStreams(builder.build(sp), sp);
            streams.setUncaughtExceptionHandler(e -> {
                died[0] = e;
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
        }

        void checkAlive() {
            if (died[0] != null) Check.fail("the Streams application failed: " + died[0]);
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(15)));
            checkAlive();
        }
    }

    static KafkaConsumer<String, Long> countsConsumer(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        return new KafkaConsumer<>(c);
    }

    /** Polls the output until its latest count per word is the expected one. */
    static void awaitCounts(KafkaConsumer<String, Long> output, Map<String, Long> latest,
                            Map<String, Long> expected, App app, String what) {
        // Streams needs a rebalance and topic creation first: allow it twice the usual wait.
        long deadline = System.nanoTime() + 2 * Check.WAIT.toNanos();
        while (!expected.equals(latest)) {
            app.checkAlive();
            if (System.nanoTime() > deadline) {
                Check.fail(OUT + " " + what + ": expected the counts " + expected + " but got " + new TreeMap<>(latest));
            }
            for (ConsumerRecord<String, Long> r : output.poll(Duration.ofMillis(100))) latest.put(r.key(), r.value());
        }
    }

    /** A further half second of polling must not change a count (a repeated transaction would). */
    static void quiet(KafkaConsumer<String, Long> output, Map<String, Long> latest,
                      Map<String, Long> expected, String what) {
        long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<String, Long> r : output.poll(Duration.ofMillis(100))) latest.put(r.key(), r.value());
        }
        Check.eq(expected, new TreeMap<>(latest), OUT + " " + what);
    }

    /** The changelog's latest value per word (read_committed, to its end); records[0] = records read. */
    static Map<String, Long> readChangelog(String bootstrap, int partitions, long[] records) {
        Map<String, Long> latest = new HashMap<>();
        records[0] = 0;
        try (KafkaConsumer<String, Long> c = countsConsumer(bootstrap)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) tps.add(new TopicPartition(CHANGELOG, p));
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.nanoTime() + Check.WAIT.toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) Check.fail("reading " + CHANGELOG + " to its end " + end);
                for (ConsumerRecord<String, Long> r : c.poll(Duration.ofMillis(100))) {
                    latest.put(r.key(), r.value());
                    records[0]++;
                }
            }
        }
        return latest;
    }
}
