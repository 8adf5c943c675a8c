package streamline.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A benchmark, not a test: reads the first N records of a topic from every partition with a
 * {@code KafkaConsumer} in its default configuration (only the bootstrap address and byte-array
 * deserializers set; partitions assigned, no group), the way an application catches up on a
 * backlog. Used for the default-consumer figures in docs/BENCHMARKS.md, against Streamline and
 * Apache Kafka alike.
 *
 * Usage: ConsumeRate BOOTSTRAP TOPIC N. Prints one JSON object with the fields of kbench's
 * consume summary: {"ok":..,"mode":"consume","client":"java","messages":N,"bytes":..,
 * "elapsed_s":..,"msgs_per_s":..,"mb_per_s":..,"client_cpu_pct":..} (CPU of the whole JVM, in
 * % of one core), and exits 1 if it read fewer than N records within 10 s of the last one.
 */
public final class ConsumeRate {
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ConsumeRate BOOTSTRAP TOPIC N");
            System.exit(2);
        }
        String topic = args[1];
        long want = Long.parseLong(args[2]);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(20))) {
                parts.add(new TopicPartition(topic, p.partition()));
            }
            long cpu0 = cpuNanos();
            long start = System.nanoTime();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long records = 0;
            long bytes = 0;
            long lastRecord = start;
            while (records < want) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                for (var r : batch) {
                    records++;
                    bytes += r.value() == null ? 0 : r.value().length;
                }
                if (!batch.isEmpty()) {
                    lastRecord = System.nanoTime();
                } else if (System.nanoTime() - lastRecord > 10_000_000_000L) {
                    System.err.println("no record for 10 s; stopping at " + records);
                    break;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "{\"ok\":%b,\"mode\":\"consume\",\"client\":\"java\",\"messages\":%d,\"bytes\":%d,"
                            + "\"elapsed_s\":%.3f,\"msgs_per_s\":%.0f,\"mb_per_s\":%.3f,\"client_cpu_pct\":%.0f}%n",
                    records >= want, records, bytes, elapsed, records / elapsed, bytes / 1e6 / elapsed,
                    cpu / elapsed * 100);
            if (records < want) {
                System.exit(1); // short: a failed run, not a slow one
            }
        }
    }

    /** CPU time of the whole JVM process, all threads. */
    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
}
