package streamline.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * Scenario 7: a Kafka Connect 4.4 distributed worker, run in-process as connect-distributed
 * runs it, with its three internal topics (connect-configs, connect-offsets, connect-status:
 * created by the worker with cleanup.policy=compact, which it also verifies on start-up) on the
 * broker, and a REST listener on a loopback ephemeral port.
 *
 * Phase 1 creates, through the REST API, a source connector reading a 500-line file into the
 * 1-partition topic connect-lines and a sink connector appending that topic to another file
 * (the plugins of LineFileConnectors, found by service loading), waits until the sink file
 * holds the 500 lines in order, both connectors and their tasks are RUNNING, and the REST API
 * reports the source's stored offset (from connect-offsets) and the sink's committed offset
 * (its consumer group) as 500; then it stops the worker. Phase 2 starts a new worker, which
 * must find both connectors again in connect-configs, appends 100 lines to the source file and
 * waits until the sink file holds all 600 lines in order, once each (the source resumed from
 * its stored offset, the sink from its committed one) and both offsets are 600. It deletes the
 * source connector (a tombstone in connect-configs), checks the worker lists the sink alone,
 * and stops it. Last, Admin describeConfigs must show cleanup.policy=compact on all three
 * internal topics.
 *
 * Prints {"lines":600,"sink_lines":600,"in_order":true,"connectors_after_restart":[..],
 * "source_offset":600,"sink_offset":600,"connectors_after_delete":["line-sink"],
 * "internal_topics":{"config":"compact","offset":"compact","status":"compact"},
 * "internal_partitions":{"config":1,"offset":25,"status":5}}.
 */
public final class ConnectDistributed {
    static final String TOPIC = "connect-lines";
    static final String GROUP = "streamline-connect";
    static final Map<String, String> INTERNAL = new TreeMap<>(Map.of(
            "config", "connect-configs", "offset", "connect-offsets", "status", "connect-status"));
    static final int FIRST = 500;
    static final int MORE = 100;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) {
        Check.run("ConnectDistributed", args, ConnectDistributed::run);
    }

    static String line(int i) {
        return String.format("line %04d: the quick brown fox %d", i, i * 7 % 13);
    }

    static Json run(String[] args) throws Exception {
        String bootstrap = args[0];
        Path dir = Files.createTempDirectory("streamline-connect-");
        Path source = dir.resolve("source.txt");
        Path sink = dir.resolve("sink.txt");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < FIRST; i++) expected.add(line(i));
        Files.write(source, expected, StandardCharsets.UTF_8);

        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            Check.get(admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all(), "createTopics");

            // Phase 1: both connectors created through the REST API move the 500 lines.
            Connect<DistributedHerder> worker = startWorker(bootstrap);
            try {
                URI rest = worker.rest().serverUrl();
                createConnector(rest, "line-source", Map.of(
                        "connector.class", LineFileConnectors.Source.class.getName(), "tasks.max", "1",
                        LineFileConnectors.FILE, source.toString(), LineFileConnectors.TOPIC, TOPIC));
                createConnector(rest, "line-sink", Map.of(
                        "connector.class", LineFileConnectors.Sink.class.getName(), "tasks.max", "1",
                        LineFileConnectors.FILE, sink.toString(), "topics", TOPIC));
                awaitSinkFile(sink, expected);
                awaitRunning(rest, "line-source");
                awaitRunning(rest, "line-sink");
                awaitOffset(rest, "line-source", "position", FIRST);
                awaitOffset(rest, "line-sink", "kafka_offset", FIRST);
            } finally {
                stopWorker(worker);
            }

            // Phase 2: a new worker finds the connectors in connect-configs and resumes both.
            List<String> afterRestart;
            List<String> afterDelete;
            worker = startWorker(bootstrap);
            try {
                URI rest = worker.rest().serverUrl();
                afterRestart = awaitConnectors(rest, List.of("line-sink", "line-source"));
                awaitRunning(rest, "line-source");
                awaitRunning(rest, "line-sink");
                List<String> more = new ArrayList<>();
                for (int i = FIRST; i < FIRST + MORE; i++) more.add(line(i));
                Files.write(source, more, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                expected.addAll(more);
                awaitSinkFile(sink, expected);
                awaitOffset(rest, "line-source", "position", FIRST + MORE);
                awaitOffset(rest, "line-sink", "kafka_offset", FIRST + MORE);

                HttpResponse<String> deleted = send(HttpRequest.newBuilder(rest.resolve("/connectors/line-source"))
                        .DELETE().build());
                Check.eq(204, deleted.statusCode(), "DELETE /connectors/line-source: " + deleted.body());
                afterDelete = awaitConnectors(rest, List.of("line-sink"));
            } finally {
                stopWorker(worker);
            }
            // Once each: nothing arrived twice before the sink stopped.
            List<String> got = Files.readAllLines(sink, StandardCharsets.UTF_8);
            Check.eq(expected, got, "the sink file after the worker stopped");

            Map<String, String> policies = new TreeMap<>();
            Map<String, Integer> partitions = new TreeMap<>();
            var described = Check.get(admin.describeTopics(INTERNAL.values()).allTopicNames(), "describeTopics");
            for (var e : INTERNAL.entrySet()) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, e.getValue());
                var config = Check.get(admin.describeConfigs(List.of(r)).all(), "describeConfigs " + e.getValue()).get(r);
                policies.put(e.getKey(), config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
                partitions.put(e.getKey(), described.get(e.getValue()).partitions().size());
                Check.eq("compact", policies.get(e.getKey()), "cleanup.policy of " + e.getValue());
            }
            return new Json().put("lines", expected.size()).put("sink_lines", got.size())
                    .put("in_order", expected.equals(got))
                    .raw("connectors_after_restart", Json.array(afterRestart))
                    .put("source_offset", FIRST + MORE).put("sink_offset", FIRST + MORE)
                    .raw("connectors_after_delete", Json.array(afterDelete))
                    .raw("internal_topics", JSON.writeValueAsString(policies))
                    .raw("internal_partitions", JSON.writeValueAsString(partitions));
        } finally {
            StreamsRepartition.deleteTree(dir);
        }
    }

    /** A distributed worker as connect-distributed.sh starts one, from these worker properties. */
    static Connect<DistributedHerder> startWorker(String bootstrap) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", GROUP);
        props.put("config.storage.topic", INTERNAL.get("config"));
        props.put("offset.storage.topic", INTERNAL.get("offset"));
        props.put("status.storage.topic", INTERNAL.get("status"));
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", StringConverter.class.getName());
        props.put("value.converter", StringConverter.class.getName());
        props.put("listeners", "http://127.0.0.1:0");
        // The plugins on the class path declare themselves in META-INF/services: no scan needed.
        props.put("plugin.discovery", "service_load");
        // Source offsets and sink consumer offsets are committed twice a second.
        props.put("offset.flush.interval.ms", "500");
        return new org.apache.kafka.connect.cli.ConnectDistributed().startConnect(props);
    }

    static void stopWorker(Connect<DistributedHerder> worker) {
        worker.stop();
        worker.awaitStop();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new Check.Failure(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Check.Failure("interrupted");
        }
    }

    static JsonNode get(URI rest, String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(rest.resolve(path)).GET().build());
        if (r.statusCode() != 200) return null;
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new Check.Failure("GET " + path + " answered no JSON: " + r.body());
        }
    }

    /** POST /connectors, retried while the worker is still joining its group (409 or 5xx). */
    static void createConnector(URI rest, String name, Map<String, String> config) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", name, "config", config));
        HttpRequest post = HttpRequest.newBuilder(rest.resolve("/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String[] last = {""};
        waitFor(() -> {
            HttpResponse<String> r = send(post);
            last[0] = r.statusCode() + " " + r.body();
            if (r.statusCode() == 201) return true;
            if (r.statusCode() != 409 && r.statusCode() < 500) Check.fail("POST /connectors " + name + ": " + last[0]);
            return false;
        }, () -> "POST /connectors " + name + " to succeed (last answer: " + last[0] + ")");
    }

    static void awaitRunning(URI rest, String name) {
        String[] last = {""};
        waitFor(() -> {
            JsonNode s = get(rest, "/connectors/" + name + "/status");
            if (s == null) return false;
            last[0] = s.toString();
            JsonNode tasks = s.path("tasks");
            return "RUNNING".equals(s.path("connector").path("state").asText()) && tasks.size() == 1
                    && "RUNNING".equals(tasks.get(0).path("state").asText());
        }, () -> name + " and its task RUNNING (last status: " + last[0] + ")");
    }

    /** Waits until GET /connectors/{name}/offsets reports the one offset field as value. */
    static void awaitOffset(URI rest, String name, String field, long value) {
        String[] last = {""};
        waitFor(() -> {
            JsonNode o = get(rest, "/connectors/" + name + "/offsets");
            if (o == null) return false;
            last[0] = o.toString();
            JsonNode offsets = o.path("offsets");
            return offsets.size() == 1 && offsets.get(0).path("offset").path(field).asLong(-1) == value;
        }, () -> "the offset of " + name + " to be " + field + "=" + value + " (last: " + last[0] + ")");
    }

    static List<String> awaitConnectors(URI rest, List<String> want) {
        List<String> got = new ArrayList<>();
        waitFor(() -> {
            JsonNode list = get(rest, "/connectors");
            if (list == null) return false;
            got.clear();
            list.forEach(n -> got.add(n.asText()));
            got.sort(null);
            return got.equals(want);
        }, () -> "GET /connectors to list " + want + " (last: " + got + ")");
        return got;
    }

    /** Waits until the sink file holds exactly the expected lines (failing on a wrong or extra one). */
    static void awaitSinkFile(Path sink, List<String> expected) {
        List<String> got = new ArrayList<>();
        waitFor(() -> {
            got.clear();
            try {
                if (Files.exists(sink)) got.addAll(Files.readAllLines(sink, StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                return false;
            }
            // Only whole lines count: the last one may be half written.
            int n = Math.min(got.size(), expected.size());
            for (int i = 0; i < n; i++) {
                if (!got.get(i).equals(expected.get(i)) && i < got.size() - 1) {
                    Check.fail("sink file line " + i + ": expected '" + expected.get(i) + "' but got '" + got.get(i) + "'");
                }
            }
            if (got.size() > expected.size()) {
                Check.fail("the sink file has " + got.size() + " lines, more than the " + expected.size() + " sent");
            }
            return got.equals(expected);
        }, () -> "the sink file to hold " + expected.size() + " lines (it has " + got.size() + ")");
    }

    /** Like Check.eventually, with twice its wait (a worker joins its group first) and a lazy message. */
    static void waitFor(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + 2 * Check.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) Check.fail("timed out waiting for " + what.get());
            Check.sleep(100);
        }
    }
}
