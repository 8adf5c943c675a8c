package streamline.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
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
 * Scenario 4: transactions.
 *
 * A transactional producer writes three transactions to tx-input (one partition): a0..a2
 * committed, b0..b1 aborted, c0..c2 committed. Every transaction ends with a control record that
 * takes one offset, so the data lands at 0-2, 4-5 and 7-9 and the end offset is 11. A
 * read_committed consumer must see exactly a0..a2,c0..c2 at 0,1,2,7,8,9; a read_uncommitted one
 * also b0,b1 at 4,5.
 *
 * Then consume-transform-produce: a read_committed group member reads tx-input, a second
 * transactional producer writes the upper-cased values to tx-output and commits the consumer's
 * offset (10) with sendOffsetsToTransaction in the same transaction. A following transaction
 * that writes X and offset 5 is aborted: the group's offset must stay 10, and tx-output must hold
 * A0..A2,C0..C2 at 0-5 (marker at 6) with the aborted X at 7 seen only by read_uncommitted.
 *
 * Prints {"input_committed":[..],"input_uncommitted":[..],"input_end_offset":11,
 *         "output_committed":[..],"output_uncommitted":[..],"output_end_offset":9,"group_offset":10}
 * where each list holds "offset:value" strings.
 */
public final class Transactions {
    static final String IN = "tx-input";
    static final String OUT = "tx-output";
    static final String GROUP = "tx-ctp-group";

    public static void main(String[] args) {
        Check.run("Transactions", args, Transactions::run);
    }

    static Json run(String[] args) throws Exception {
        String bootstrap = args[0];
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            Check.get(admin.createTopics(List.of(new NewTopic(IN, 1, (short) 1), new NewTopic(OUT, 1, (short) 1))).all(),
                    "createTopics");
            TopicPartition in0 = new TopicPartition(IN, 0);
            TopicPartition out0 = new TopicPartition(OUT, 0);

            try (KafkaProducer<String, String> p = producer(bootstrap, "tx-writer")) {
                p.initTransactions();
                transaction(p, IN, List.of("a0", "a1", "a2"), true);
                transaction(p, IN, List.of("b0", "b1"), false);
                transaction(p, IN, List.of("c0", "c1", "c2"), true);
            }
            long inEnd = endOffset(admin, in0);
            Check.eq(11L, inEnd, "tx-input end offset (data plus three control records)");
            List<String> inCommitted = readAll(bootstrap, in0, "read_committed", 6);
            Check.eq(List.of("0:a0", "1:a1", "2:a2", "7:c0", "8:c1", "9:c2"), inCommitted, "tx-input read_committed");
            List<String> inUncommitted = readAll(bootstrap, in0, "read_uncommitted", 8);
            Check.eq(List.of("0:a0", "1:a1", "2:a2", "4:b0", "5:b1", "7:c0", "8:c1", "9:c2"), inUncommitted,
                    "tx-input read_uncommitted");

            // Consume-transform-produce with the offsets committed inside the transaction.
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap, GROUP, "read_committed");
                 KafkaProducer<String, String> p = producer(bootstrap, "tx-transformer")) {
                p.initTransactions();
                consumer.subscribe(List.of(IN));
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                long deadline = System.nanoTime() + Check.WAIT.toNanos();
                while (batch.size() < 6) {
                    if (System.nanoTime() > deadline) Check.fail("consume-transform-produce read only " + batch.size());
                    consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
                }
                Check.eq(6, batch.size(), "records read by the transforming consumer");
                p.beginTransaction();
                for (ConsumerRecord<String, String> r : batch) {
                    p.send(new ProducerRecord<>(OUT, 0, r.key(), r.value().toUpperCase()));
                }
                long next = batch.get(batch.size() - 1).offset() + 1;
                Check.eq(10L, next, "offset after the last committed input record");
                p.sendOffsetsToTransaction(Map.of(in0, new OffsetAndMetadata(next)), consumer.groupMetadata());
                p.commitTransaction();

                // An aborted transaction neither publishes its record nor moves the group's offset.
                p.beginTransaction();
                p.send(new ProducerRecord<>(OUT, 0, "x", "X"));
                p.sendOffsetsToTransaction(Map.of(in0, new OffsetAndMetadata(5)), consumer.groupMetadata());
                p.flush();
                p.abortTransaction();
            }
            var offsets = Check.get(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata(),
                    "listConsumerGroupOffsets " + GROUP);
            Check.that(offsets.get(in0) != null, "no committed offset for " + in0);
            long groupOffset = offsets.get(in0).offset();
            Check.eq(10L, groupOffset, "group offset committed by sendOffsetsToTransaction");

            long outEnd = endOffset(admin, out0);
            Check.eq(9L, outEnd, "tx-output end offset");
            List<String> outCommitted = readAll(bootstrap, out0, "read_committed", 6);
            Check.eq(List.of("0:A0", "1:A1", "2:A2", "3:C0", "4:C1", "5:C2"), outCommitted, "tx-output read_committed");
            List<String> outUncommitted = readAll(bootstrap, out0, "read_uncommitted", 7);
            Check.eq(List.of("0:A0", "1:A1", "2:A2", "3:C0", "4:C1", "5:C2", "7:X"), outUncommitted,
                    "tx-output read_uncommitted");

            return new Json().raw("input_committed", Json.array(inCommitted))
                    .raw("input_uncommitted", Json.array(inUncommitted)).put("input_end_offset", inEnd)
                    .raw("output_committed", Json.array(outCommitted))
                    .raw("output_uncommitted", Json.array(outUncommitted)).put("output_end_offset", outEnd)
                    .put("group_offset", groupOffset);
        }
    }

    static void transaction(KafkaProducer<String, String> p, String topic, List<String> values, boolean commit) {
        p.beginTransaction();
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (String v : values) acks.add(p.send(new ProducerRecord<>(topic, 0, "key", v)));
        p.flush();
        for (var f : acks) Check.get(f, "transactional send of " + values);
        if (commit) p.commitTransaction(); else p.abortTransaction();
    }

    static KafkaProducer<String, String> producer(String bootstrap, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, String group, String isolation) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (group != null) c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(c);
    }

    static long endOffset(Admin admin, TopicPartition tp) {
        return Check.get(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp), "listOffsets " + tp)
                .offset();
    }

    /** Every record of the partition as "offset:value", expecting exactly {@code expected} of them. */
    static List<String> readAll(String bootstrap, TopicPartition tp, String isolation, int expected) {
        List<String> got = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer(bootstrap, null, isolation)) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Check.WAIT.toNanos();
            while (got.size() < expected) {
                if (System.nanoTime() > deadline) {
                    Check.fail(tp + " " + isolation + ": read only " + got + ", expected " + expected + " records");
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) got.add(r.offset() + ":" + r.value());
            }
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) got.add(r.offset() + ":" + r.value());
        }
        return got;
    }
}
