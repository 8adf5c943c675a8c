package streamline.reference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * The two Kafka Connect plugins ConnectDistributed runs (the program checks; these only move
 * data): a source connector that reads a text file line by line into a topic, and a sink
 * connector that appends a topic's record values to a text file, each with one task.
 *
 * The source's offset is the number of lines read so far, stored by the worker in its offset
 * topic under the partition {"file": path}; a task that starts again resumes after the lines
 * the stored offset covers. The sink writes each batch and flushes before the worker commits
 * the batch's consumer offsets. Found by the worker through service loading: the manifests
 * are under src/main/resources/META-INF/services.
 */
public final class LineFileConnectors {
    static final String VERSION = "1.0";
    static final String FILE = "file";
    static final String TOPIC = "topic";
    static final String POSITION = "position";

    private LineFileConnectors() {}

    static ConfigDef sourceConfig() {
        return new ConfigDef()
                .define(FILE, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "the file to read")
                .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "the topic to write");
    }

    static ConfigDef sinkConfig() {
        return new ConfigDef()
                .define(FILE, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "the file to append to");
    }

    /** Reads the file named by "file" into the topic named by "topic". */
    public static class Source extends SourceConnector {
        private Map<String, String> config;

        @Override public String version() { return VERSION; }
        @Override public void start(Map<String, String> props) { config = Map.copyOf(props); }
        @Override public Class<? extends Task> taskClass() { return ReadTask.class; }
        @Override public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(config); }
        @Override public void stop() {}
        @Override public ConfigDef config() { return sourceConfig(); }
    }

    public static class ReadTask extends SourceTask {
        private Path file;
        private String topic;
        private Map<String, String> partition;
        private long position;

        @Override public String version() { return VERSION; }

        @Override
        public void start(Map<String, String> props) {
            file = Path.of(props.get(FILE));
            topic = props.get(TOPIC);
            partition = Map.of(FILE, file.toString());
            Map<String, Object> stored = context.offsetStorageReader().offset(partition);
            position = stored == null ? 0 : ((Number) stored.get(POSITION)).longValue();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (position >= lines.size()) {
                Thread.sleep(100);
                return null;
            }
            List<SourceRecord> records = new ArrayList<>();
            while (position < lines.size() && records.size() < 100) {
                String line = lines.get((int) position);
                position++;
                records.add(new SourceRecord(partition, Map.of(POSITION, position), topic, null,
                        null, null, Schema.STRING_SCHEMA, line));
            }
            return records;
        }

        @Override public void stop() {}
    }

    /** Appends the values of the records of "topics" to the file named by "file", one a line. */
    public static class Sink extends SinkConnector {
        private Map<String, String> config;

        @Override public String version() { return VERSION; }
        @Override public void start(Map<String, String> props) { config = Map.copyOf(props); }
        @Override public Class<? extends Task> taskClass() { return WriteTask.class; }
        @Override public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(config); }
        @Override public void stop() {}
        @Override public ConfigDef config() { return sinkConfig(); }
    }

    public static class WriteTask extends SinkTask {
        private BufferedWriter out;

        @Override public String version() { return VERSION; }

        @Override
        public void start(Map<String, String> props) {
            try {
                out = Files.newBufferedWriter(Path.of(props.get(FILE)), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            try {
                for (SinkRecord r : records) {
                    out.write(String.valueOf(r.value()));
                    out.write('\n');
                }
                // Written through at once, so the program sees lines as they arrive.
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush(Map<TopicPartition, OffsetAndMetadata> offsets) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            try {
                if (out != null) out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
