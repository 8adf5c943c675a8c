package streamline.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 3: the Admin client. Each call's result is asserted exactly:
 * createTopics (topic ids), describeTopics by name and by id (the same non-zero ids), listTopics,
 * describeConfigs and incrementalAlterConfigs (SET then DELETE back to the default),
 * createPartitions, listOffsets (earliest, latest, max timestamp, by time) over records with
 * known timestamps, deleteRecords (the earliest offset moves), describeConsumerGroups,
 * listConsumerGroupOffsets, alterConsumerGroupOffsets, deleteConsumerGroups, describeCluster,
 * describeLogDirs, describeProducers (idempotent and transactional), listTransactions and
 * deleteTopics (by name and by id).
 *
 * Prints one JSON object with each call's outcome (see the end of run()).
 */
public final class AdminOps {
    static final String CONFIGS = "admin-configs";
    static final String TS = "admin-ts";
    static final String TXN = "admin-txn";
    static final String GROUP = "admin-group";
    static final String TXN_ID = "admin-txn-producer";
    /** Record timestamps on admin-ts, by offset: the maximum (9000) sits at offset 2. */
    static final long[] TIMESTAMPS = {1000, 2000, 9000, 3000, 4000};

    public static void main(String[] args) {
        Check.run("AdminOps", args, AdminOps::run);
    }

    static Json run(String[] args) throws Exception {
        String bootstrap = args[0];
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Json out = new Json();
        try (Admin admin = Admin.create(ap)) {
            // createTopics: each new topic gets its own non-zero id.
            CreateTopicsResult created = admin.createTopics(List.of(
                    new NewTopic(CONFIGS, 2, (short) 1).configs(Map.of("retention.ms", "86400000")),
                    new NewTopic(TS, 1, (short) 1),
                    new NewTopic(TXN, 1, (short) 1)));
            Check.get(created.all(), "createTopics");
            Map<String, Uuid> ids = new HashMap<>();
            for (String t : List.of(CONFIGS, TS, TXN)) {
                Uuid id = Check.get(created.topicId(t), "createTopics topicId " + t);
                Check.that(id != null && !id.equals(Uuid.ZERO_UUID), "createTopics: zero topic id for " + t);
                ids.put(t, id);
            }
            Check.eq(3, Set.copyOf(ids.values()).size(), "distinct topic ids");
            Check.eq(2, Check.get(created.numPartitions(CONFIGS), "createTopics numPartitions"),
                    "createTopics numPartitions of " + CONFIGS);

            // describeTopics by name and by id agree with createTopics.
            Map<String, TopicDescription> byName = Check.get(
                    admin.describeTopics(List.of(CONFIGS, TS, TXN)).allTopicNames(), "describeTopics by name");
            Map<Uuid, TopicDescription> byId = Check.get(
                    admin.describeTopics(TopicCollection.ofTopicIds(ids.values())).allTopicIds(), "describeTopics by id");
            for (String t : List.of(CONFIGS, TS, TXN)) {
                TopicDescription d = byName.get(t);
                Check.eq(ids.get(t), d.topicId(), "describeTopics(" + t + ").topicId");
                Check.eq(t.equals(CONFIGS) ? 2 : 1, d.partitions().size(), "describeTopics(" + t + ") partitions");
                Check.eq(false, d.isInternal(), "describeTopics(" + t + ").isInternal");
                Check.eq(t, byId.get(ids.get(t)).name(), "describeTopics by id " + ids.get(t) + " name");
                Check.eq(ids.get(t), byId.get(ids.get(t)).topicId(), "describeTopics by id topicId");
            }

            // listTopics: exactly the topics created (internal topics are not listed); other
            // programs may have run against the same broker, so only this program's topics count.
            Check.eq(Set.of(CONFIGS, TS, TXN), ours(Check.get(admin.listTopics().names(), "listTopics")),
                    "listTopics names");

            // describeConfigs / incrementalAlterConfigs on a topic.
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, CONFIGS);
            Config cfg = describe(admin, res);
            expectEntry(cfg, "retention.ms", "86400000", ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            expectEntry(cfg, "cleanup.policy", "delete", ConfigEntry.ConfigSource.DEFAULT_CONFIG);
            Check.get(admin.incrementalAlterConfigs(Map.of(res, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("max.message.bytes", "2000000"), AlterConfigOp.OpType.SET))))
                    .all(), "incrementalAlterConfigs SET");
            cfg = describe(admin, res);
            expectEntry(cfg, "retention.ms", "3600000", ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            expectEntry(cfg, "max.message.bytes", "2000000", ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            Check.get(admin.incrementalAlterConfigs(Map.of(res, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", ""), AlterConfigOp.OpType.DELETE))))
                    .all(), "incrementalAlterConfigs DELETE");
            cfg = describe(admin, res);
            expectEntry(cfg, "retention.ms", "604800000", ConfigEntry.ConfigSource.DEFAULT_CONFIG);
            expectEntry(cfg, "max.message.bytes", "2000000", ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);

            // createPartitions: 2 -> 4.
            Check.get(admin.createPartitions(Map.of(CONFIGS, NewPartitions.increaseTo(4))).all(), "createPartitions");
            Check.eventually(() -> Check.get(admin.describeTopics(List.of(CONFIGS)).allTopicNames(), "describeTopics")
                    .get(CONFIGS).partitions().size() == 4, "describeTopics to show 4 partitions of " + CONFIGS);

            // Records with known timestamps on admin-ts, from an idempotent producer, in one batch:
            // with a long linger nothing leaves before flush(), however loaded the machine, so
            // describeProducers' last timestamp is that batch's maximum.
            TopicPartition ts0 = new TopicPartition(TS, 0);
            Properties oneBatch = producerProps(bootstrap, null);
            oneBatch.put(ProducerConfig.LINGER_MS_CONFIG, 60_000);
            try (KafkaProducer<String, String> p = new KafkaProducer<>(oneBatch)) {
                List<Future<?>> acks = new ArrayList<>();
                for (int i = 0; i < TIMESTAMPS.length; i++) {
                    acks.add(p.send(new ProducerRecord<>(TS, 0, TIMESTAMPS[i], "k" + i, "v" + i)));
                }
                p.flush();
                for (var f : acks) Check.get(f, "send to " + TS);
            }

            // listOffsets: earliest 0, latest 5, max timestamp at offset 2, first ts >= 1500 at 1,
            // and no offset (-1) for a time after every record.
            Check.eq(0L, offset(admin, ts0, OffsetSpec.earliest()).offset(), "listOffsets earliest");
            Check.eq(5L, offset(admin, ts0, OffsetSpec.latest()).offset(), "listOffsets latest");
            var max = offset(admin, ts0, OffsetSpec.maxTimestamp());
            Check.eq(2L, max.offset(), "listOffsets maxTimestamp offset");
            Check.eq(9000L, max.timestamp(), "listOffsets maxTimestamp timestamp");
            var byTime = offset(admin, ts0, OffsetSpec.forTimestamp(1500));
            Check.eq(1L, byTime.offset(), "listOffsets forTimestamp(1500) offset");
            Check.eq(2000L, byTime.timestamp(), "listOffsets forTimestamp(1500) timestamp");
            Check.eq(-1L, offset(admin, ts0, OffsetSpec.forTimestamp(10_000)).offset(),
                    "listOffsets forTimestamp(10000) offset");

            // describeProducers: the idempotent producer's 5 records, sequences 0..4, no transaction.
            List<ProducerState> producers = Check.get(admin.describeProducers(List.of(ts0)).all(), "describeProducers")
                    .get(ts0).activeProducers();
            Check.eq(1, producers.size(), "describeProducers(" + ts0 + ") active producers");
            ProducerState ps = producers.get(0);
            Check.that(ps.producerId() >= 0, "describeProducers producerId " + ps.producerId());
            Check.eq(0, ps.producerEpoch(), "describeProducers producerEpoch");
            Check.eq(4, ps.lastSequence(), "describeProducers lastSequence");
            // The last batch's max timestamp, as Apache Kafka keeps it: the 5 sends are one batch.
            Check.eq(9000L, ps.lastTimestamp(), "describeProducers lastTimestamp");
            Check.that(ps.currentTransactionStartOffset().isEmpty(), "describeProducers: unexpected transaction start "
                    + ps.currentTransactionStartOffset());

            // deleteRecords before offset 2: the low watermark and the earliest offset move to 2.
            var low = Check.get(admin.deleteRecords(Map.of(ts0, RecordsToDelete.beforeOffset(2))).lowWatermarks().get(ts0),
                    "deleteRecords");
            Check.eq(2L, low.lowWatermark(), "deleteRecords lowWatermark");
            Check.eq(2L, offset(admin, ts0, OffsetSpec.earliest()).offset(), "listOffsets earliest after deleteRecords");
            Check.eq(5L, offset(admin, ts0, OffsetSpec.latest()).offset(), "listOffsets latest after deleteRecords");

            // A classic consumer group on admin-ts: described while its member is up.
            Properties cp = new Properties();
            cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            cp.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
            cp.put(ConsumerConfig.CLIENT_ID_CONFIG, "admin-group-member");
            cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            List<Long> consumedOffsets = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
                consumer.subscribe(List.of(TS));
                long deadline = System.nanoTime() + Check.WAIT.toNanos();
                while (consumedOffsets.size() < 3) {
                    if (System.nanoTime() > deadline) Check.fail("group consumed only " + consumedOffsets);
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        consumedOffsets.add(r.offset());
                        Check.eq(TIMESTAMPS[(int) r.offset()], r.timestamp(), "timestamp at offset " + r.offset());
                    }
                }
                // The deleted records are gone: consumption starts at the new earliest offset 2.
                Check.eq(List.of(2L, 3L, 4L), consumedOffsets, "offsets consumed after deleteRecords");
                consumer.commitSync(Check.WAIT);
                ConsumerGroupDescription g = Check.get(admin.describeConsumerGroups(List.of(GROUP)).all(),
                        "describeConsumerGroups").get(GROUP);
                Check.eq(GroupState.STABLE, g.groupState(), "describeConsumerGroups state");
                Check.eq(GroupType.CLASSIC, g.type(), "describeConsumerGroups type");
                Check.eq("range", g.partitionAssignor(), "describeConsumerGroups partitionAssignor");
                Check.eq(1, g.members().size(), "describeConsumerGroups members");
                MemberDescription m = g.members().iterator().next();
                Check.eq("admin-group-member", m.clientId(), "member clientId");
                Check.eq(Set.of(ts0), m.assignment().topicPartitions(), "member assignment");
                Check.that(g.coordinator() != null && g.coordinator().id() >= 0, "describeConsumerGroups coordinator");
            }
            ConsumerGroupDescription empty = Check.get(admin.describeConsumerGroups(List.of(GROUP)).all(),
                    "describeConsumerGroups after close").get(GROUP);
            Check.eq(GroupState.EMPTY, empty.groupState(), "describeConsumerGroups state after close");
            Check.eq(0, empty.members().size(), "describeConsumerGroups members after close");

            Check.eq(Map.of(ts0, 5L), committed(admin), "listConsumerGroupOffsets");
            Check.get(admin.alterConsumerGroupOffsets(GROUP, Map.of(ts0, new OffsetAndMetadata(3, "rewound"))).all(),
                    "alterConsumerGroupOffsets");
            Check.eq(Map.of(ts0, 3L), committed(admin), "listConsumerGroupOffsets after alterConsumerGroupOffsets");
            Check.eq("rewound", Check.get(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata(),
                    "listConsumerGroupOffsets").get(ts0).metadata(), "committed metadata");
            Check.get(admin.deleteConsumerGroups(List.of(GROUP)).all(), "deleteConsumerGroups");
            String afterDelete = describeDeletedGroup(admin);

            // describeCluster: one node, the bootstrap address, which is also the controller.
            var cluster = admin.describeCluster();
            String clusterId = Check.get(cluster.clusterId(), "describeCluster clusterId");
            Check.that(clusterId != null && !clusterId.isEmpty(), "describeCluster: empty cluster id");
            var nodes = new ArrayList<>(Check.get(cluster.nodes(), "describeCluster nodes"));
            Check.eq(1, nodes.size(), "describeCluster node count");
            Node node = nodes.get(0);
            Check.eq(bootstrap, node.host() + ":" + node.port(), "describeCluster node address");
            Node controller = Check.get(cluster.controller(), "describeCluster controller");
            Check.eq(node.id(), controller.id(), "describeCluster controller id");

            // describeLogDirs: the broker's log dir holds every partition; admin-ts-0 is not empty.
            var dirs = Check.get(admin.describeLogDirs(List.of(node.id())).allDescriptions(), "describeLogDirs")
                    .get(node.id());
            Check.that(dirs != null && !dirs.isEmpty(), "describeLogDirs: no log dir for node " + node.id());
            Map<TopicPartition, Long> sizes = new HashMap<>();
            for (var d : dirs.values()) {
                Check.that(d.error() == null, "describeLogDirs error " + d.error());
                d.replicaInfos().forEach((tp, info) -> sizes.put(tp, info.size()));
            }
            for (int i = 0; i < 4; i++) {
                Check.that(sizes.containsKey(new TopicPartition(CONFIGS, i)), "describeLogDirs lacks " + CONFIGS + "-" + i);
            }
            Check.that(sizes.getOrDefault(ts0, 0L) > 0, "describeLogDirs size of " + ts0 + ": " + sizes.get(ts0));

            // A transaction left open: listTransactions and describeProducers show it, then committed.
            TopicPartition txn0 = new TopicPartition(TXN, 0);
            long txnProducerId;
            try (KafkaProducer<String, String> tp = new KafkaProducer<>(producerProps(bootstrap, TXN_ID))) {
                tp.initTransactions();
                tp.beginTransaction();
                Check.get(tp.send(new ProducerRecord<>(TXN, 0, "k", "open")), "transactional send");
                TransactionListing open = listing(admin, TransactionState.ONGOING);
                txnProducerId = open.producerId();
                List<ProducerState> txnProducers = Check.get(admin.describeProducers(List.of(txn0)).all(),
                        "describeProducers " + txn0).get(txn0).activeProducers();
                Check.eq(1, txnProducers.size(), "describeProducers(" + txn0 + ") active producers");
                Check.eq(txnProducerId, txnProducers.get(0).producerId(), "describeProducers producerId vs listTransactions");
                Check.eq(0L, txnProducers.get(0).currentTransactionStartOffset().orElse(-1),
                        "describeProducers currentTransactionStartOffset");
                tp.commitTransaction();
            }
            TransactionListing done = listing(admin, TransactionState.COMPLETE_COMMIT);
            Check.eq(txnProducerId, done.producerId(), "listTransactions producerId after commit");

            // deleteTopics by name and by id: only admin-ts is left.
            Check.get(admin.deleteTopics(List.of(CONFIGS)).all(), "deleteTopics by name");
            Check.get(admin.deleteTopics(TopicCollection.ofTopicIds(List.of(ids.get(TXN)))).all(), "deleteTopics by id");
            Check.eventually(() -> ours(Check.get(admin.listTopics().names(), "listTopics")).equals(Set.of(TS)),
                    "listTopics to show only " + TS + " after deleteTopics");
            try {
                admin.describeTopics(List.of(CONFIGS)).allTopicNames().get(Check.WAIT.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                Check.fail("describeTopics of a deleted topic succeeded");
            } catch (java.util.concurrent.ExecutionException e) {
                Check.that(e.getCause() instanceof UnknownTopicOrPartitionException,
                        "describeTopics of a deleted topic: " + e.getCause());
            }

            return out.put("topics_created", 3).put("topic_ids_distinct", true)
                    .put("partitions_after_create_partitions", 4)
                    .put("retention_ms_after_delete", "604800000")
                    .put("earliest", 0).put("latest", 5).put("max_timestamp_offset", 2)
                    .put("for_timestamp_1500_offset", 1).put("for_timestamp_after_end_offset", -1)
                    .put("low_watermark", 2).raw("group_consumed_offsets", Json.array(consumedOffsets))
                    .put("committed_before_alter", 5).put("committed_after_alter", 3)
                    .put("group_after_delete", afterDelete).put("cluster_nodes", 1)
                    .put("describe_producers_last_sequence", 4)
                    .put("transaction_states", "Ongoing,CompleteCommit")
                    .raw("topics_after_delete", Json.array(List.of(TS)));
        }
    }

    static Properties producerProps(String bootstrap, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        if (transactionalId != null) p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return p;
    }

    static Config describe(Admin admin, ConfigResource res) {
        return Check.get(admin.describeConfigs(List.of(res)).all(), "describeConfigs " + res).get(res);
    }

    static void expectEntry(Config cfg, String name, String value, ConfigEntry.ConfigSource source) {
        ConfigEntry e = cfg.get(name);
        Check.that(e != null, "describeConfigs lacks " + name);
        Check.eq(value, e.value(), "describeConfigs " + name + " value");
        Check.eq(source, e.source(), "describeConfigs " + name + " source");
    }

    static org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo offset(
            Admin admin, TopicPartition tp, OffsetSpec spec) {
        return Check.get(admin.listOffsets(Map.of(tp, spec)).partitionResult(tp), "listOffsets " + spec.getClass().getSimpleName());
    }

    static Map<TopicPartition, Long> committed(Admin admin) {
        Map<TopicPartition, Long> m = new HashMap<>();
        Check.get(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata(), "listConsumerGroupOffsets")
                .forEach((tp, om) -> m.put(tp, om == null ? null : om.offset()));
        return m;
    }

    /** After deleteConsumerGroups the group is gone: Kafka answers GROUP_ID_NOT_FOUND or DEAD. */
    static String describeDeletedGroup(Admin admin) throws Exception {
        try {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP)).all()
                    .get(Check.WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).get(GROUP);
            Check.eq(GroupState.DEAD, g.groupState(), "describeConsumerGroups state after deleteConsumerGroups");
            return "Dead";
        } catch (java.util.concurrent.ExecutionException e) {
            Check.that(e.getCause() instanceof GroupIdNotFoundException,
                    "describeConsumerGroups after deleteConsumerGroups: " + e.getCause());
            return "GroupIdNotFound";
        }
    }

    /** The one transaction listed, once it reaches the given state. */
    static TransactionListing listing(Admin admin, TransactionState state) {
        TransactionListing[] found = new TransactionListing[1];
        Check.eventually(() -> {
            var all = Check.get(admin.listTransactions().all(), "listTransactions");
            Check.eq(1, all.size(), "listTransactions count (" + all + ")");
            TransactionListing l = all.iterator().next();
            Check.eq(TXN_ID, l.transactionalId(), "listTransactions transactionalId");
            found[0] = l;
            return l.state() == state;
        }, "listTransactions to show " + TXN_ID + " in state " + state);
        return found[0];
    }

    /** The listed topics this program created (they all start with "admin-"). */
    static Set<String> ours(Set<String> names) {
        Set<String> mine = new java.util.TreeSet<>();
        for (String n : names) if (n.startsWith("admin-")) mine.add(n);
        return mine;
    }
}
