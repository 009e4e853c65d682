package dev.cordon.standalone.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.standalone.identity.ClientCredentials;
import dev.cordon.standalone.identity.TokenClient;
import dev.cordon.standalone.kafka.BrokerCredentials;
import dev.cordon.standalone.run.LauncherProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * {@code ./cordon.sh cluster} as the fault suite sees it: the launcher process, its children found by their own
 * ports and storage (a child started again has a new PID), the gateway, each instance's own port, and the brokers,
 * read as the query side's user (its group's offsets and the topic's end).
 */
final class ClusterUnderTest implements AutoCloseable {

    static final String TOPIC = "cordon.device-events";
    static final String GROUP = "cordon-query";
    private static final String BACKLOG = "cordon_publish_backlog_events";
    private static final Pattern CHILD = Pattern.compile(
            "(?m)^  ((?:command side|query side|token service)(?: \\d+)?)\\s+http://127\\.0\\.0\\.1:(\\d+)\\s+PID \\d+$");
    private static final Pattern BROKERS = Pattern.compile("Cordon cluster: \\d+ Kafka brokers \\(([^)]+)\\)");
    private static final Pattern TOKEN_URL = Pattern.compile("TOKEN=\\$\\(curl -s (\\S+) ");
    private static final Pattern CLIENT = Pattern.compile("client_id:\\s+(\\S+)\\s+client_secret:\\s+(\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final LauncherProcess launcher;
    private final Path workDir;
    private final Map<String, Integer> ports;
    private final Admin admin;
    private final TokenClient token;
    private final Duration startedIn;

    private ClusterUnderTest(LauncherProcess launcher, Path workDir, Map<String, Integer> ports, Admin admin,
            TokenClient token, Duration startedIn) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.ports = ports;
        this.admin = admin;
        this.token = token;
        this.startedIn = startedIn;
    }

    static ClusterUnderTest start(Path workDir, Map<String, String> environment, Duration timeout) {
        LauncherProcess launcher = LauncherProcess.start(workDir, environment, "cluster.out");
        try {
            Duration startedIn = launcher.awaitReady(timeout);
            String output = launcher.output();
            Map<String, Integer> ports = new LinkedHashMap<>();
            Matcher child = CHILD.matcher(output);
            while (child.find()) {
                ports.put(child.group(1), Integer.parseInt(child.group(2)));
            }
            Matcher brokers = BROKERS.matcher(output);
            Matcher tokenUrl = TOKEN_URL.matcher(output);
            if (ports.isEmpty() || !brokers.find() || !tokenUrl.find()) {
                throw new AssertionError("The cluster's start message lacks its instances:\n" + output);
            }
            // A client of the test's own: the quick-start client may not register devices or read metrics.
            Matcher client = CLIENT.matcher(launcher.identityCommand(List.of("clients", "add", "cluster-it",
                    "Machine.Isolate", "Machine.ReadWrite.All", "Machine.Read.All", "Cordon.Operations")));
            if (!client.find()) {
                throw new AssertionError("clients add printed no credentials");
            }
            TokenClient token = new TokenClient(tokenUrl.group(1), new ClientCredentials(client.group(1),
                    client.group(2)));
            BrokerCredentials credentials = BrokerCredentials.of(workDir.resolve("data").resolve("cluster"));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers.group(1));
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "cluster-it");
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
            config.put(SaslConfigs.SASL_JAAS_CONFIG, credentials.clientEnvironment(BrokerCredentials.QUERY_SIDE)
                    .get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            return new ClusterUnderTest(launcher, workDir, ports, Admin.create(config), token, startedIn);
        } catch (RuntimeException | Error e) {
            System.out.println(launcher.output());
            launcher.close();
            throw e;
        }
    }

    Duration startedIn() {
        return startedIn;
    }

    URI baseUrl() {
        return launcher.baseUrl();
    }

    String authorization() {
        return token.authorization();
    }

    List<String> instances(String side) {
        return ports.keySet().stream().filter(name -> name.startsWith(side)).toList();
    }

    URI uri(String instance) {
        return URI.create("http://127.0.0.1:" + ports.get(instance));
    }

    /** The running process of a service ("command side 1") or a broker ("kafka-2"), whichever PID it has now. */
    Optional<ProcessHandle> process(String child) {
        String mark = child.startsWith("kafka-")
                ? workDir.resolve("data").resolve("cluster").resolve(child).resolve("server.properties").toString()
                : "--server.port=" + ports.get(child);
        return launcher.descendants().stream().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> Set.of(args).contains(mark)).orElse(false))
                .findFirst();
    }

    /** kill -9, as a crash; the launcher starts it again after its restart delay. */
    long kill(String child) {
        ProcessHandle process = process(child).orElseThrow(() -> new AssertionError("No running " + child));
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        return process.pid();
    }

    /** Until the child runs again under another PID and, for a service, says it is ready. */
    Duration awaitBack(String child, long killedPid, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<ProcessHandle> process = process(child);
            if (process.isPresent() && process.get().pid() != killedPid
                    && (child.startsWith("kafka-") ? brokersServing() == 3 : ready(child))) {
                return Duration.between(start, Instant.now());
            }
            sleep(500);
        }
        throw new AssertionError(child + " was not back within " + timeout + "\n" + launcher.output());
    }

    boolean ready(String instance) {
        return readiness(instance) == 200;
    }

    /** The readiness probe's status, or -1 when it did not answer within 5 s. */
    int readiness(String instance) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(instance).resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    int brokersServing() {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The topic's end offsets and the query side's group's committed offsets, partition by partition. */
    record Offsets(Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed) {

        long endSum() {
            return end.values().stream().mapToLong(Long::longValue).sum();
        }

        long lag() {
            return end.entrySet().stream().mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L))
                    .sum();
        }
    }

    Optional<Offsets> offsets() {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).collect(Collectors.toSet());
            ListOffsetsResult ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new LinkedHashMap<>();
            for (TopicPartition partition : partitions) {
                end.put(partition, ends.partitionResult(partition).get(5, TimeUnit.SECONDS).offset());
            }
            Map<TopicPartition, OffsetAndMetadata> group = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new LinkedHashMap<>();
            group.forEach((partition, offset) -> committed.put(partition, offset == null ? 0 : offset.offset()));
            return Optional.of(new Offsets(end, committed));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The command side's own count of events stored but not yet published (cordon.publish.backlog). */
    double backlog(String commandSide) {
        return prometheus(commandSide, BACKLOG, "");
    }

    /** How many isolates this command side has answered: the race's requests must reach both. */
    double isolatesAnswered(String commandSide) {
        return prometheus(commandSide, "http_server_requests_seconds_count", "uri=\"/api/machines/{id}/isolate\"");
    }

    /** The sum of a metric's series whose labels contain {@code labels}, from the instance's own port; NaN if none. */
    private double prometheus(String instance, String metric, String labels) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(instance)
                            .resolve("/actuator/prometheus")).header("Authorization", authorization())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Double.NaN;
            }
            double[] values = response.body().lines()
                    .filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                    .filter(line -> line.contains(labels))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toArray();
            return values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).sum();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** A GET with the test's token, the JSON body of a 200, else null. */
    JsonNode get(URI base, String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .header("Authorization", authorization()).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String output() {
        return launcher.output();
    }

    /** What Ctrl-C left: how long the launcher took to exit (null: it did not), and its children still running. */
    record Stopped(Duration after, List<ProcessHandle> leftBehind) {
    }

    /** Ctrl-C, as a user stops the cluster: the launcher stops its children by PID, then exits. */
    Stopped interrupt() {
        List<ProcessHandle> children = new ArrayList<>(launcher.descendants());
        if (launcher.awaitExit(Duration.ZERO)) {
            return new Stopped(Duration.ZERO, children.stream().filter(ProcessHandle::isAlive).toList());
        }
        Instant start = Instant.now();
        launcher.interrupt();
        boolean exited = launcher.awaitExit(Duration.ofSeconds(120));
        return new Stopped(exited ? Duration.between(start, Instant.now()) : null,
                children.stream().filter(ProcessHandle::isAlive).toList());
    }

    /** Ctrl-C, then whatever is left killed by PID, also after a failed test. */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        Stopped stopped = interrupt();
        stopped.leftBehind().forEach(ProcessHandle::destroyForcibly);
        launcher.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
