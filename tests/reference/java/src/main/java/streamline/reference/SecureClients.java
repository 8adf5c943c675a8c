package streamline.reference;

import java.io.FileInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Java client over a secured connection: the security settings come from a properties file
 * (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.type=PEM, ...), as an
 * application's would. It creates a topic with the Admin client, produces five records with
 * the default (idempotent) producer, reads them back in a consumer group and commits. With
 * "refused" as the mode it only expects the connection to be refused and says why.
 *
 * Usage: SecureClients BOOTSTRAP PROPERTIES_FILE TOPIC [refused]. Prints one JSON object.
 */
public final class SecureClients {
    public static void main(String[] args) throws Exception {
        Properties security = new Properties();
        try (FileInputStream in = new FileInputStream(args[1])) {
            security.load(in);
        }
        String topic = args[2];
        Properties base = new Properties();
        base.putAll(security);
        base.put("bootstrap.servers", args[0]);
        base.put("request.timeout.ms", "15000");
        base.put("default.api.timeout.ms", "20000");
        if (args.length == 4 && args[3].equals("refused")) {
            try (Admin admin = Admin.create(base)) {
                admin.listTopics().names().get();
                System.out.println(new Json().put("ok", false).put("refused", "no"));
            } catch (ExecutionException e) {
                String cause = e.getCause() == null ? e.toString() : e.getCause().getClass().getSimpleName();
                System.out.println(new Json().put("ok", true).put("refused", cause)
                    .put("sasl", e.getCause() instanceof SaslAuthenticationException));
            }
            return;
        }
        try (Admin admin = Admin.create(base)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.putAll(base);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
                // Spread over two seconds, so that a broker with short sessions sees the
                // client re-authenticate (KIP-368) on the way.
                Thread.sleep(400);
            }
        }
        Properties c = new Properties();
        c.putAll(base);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-group");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 5 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    values.add(r.value());
                }
            }
            consumer.commitSync();
        }
        System.out.println(new Json().put("ok", values.size() == 5).raw("values", Json.array(values)));
    }
}
