package dev.cordon.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.publish.TopicRetention;
import dev.cordon.system.Repository;
import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker/compose.yaml, nginx.conf and the Dockerfiles, checked statically: Docker does not run on the project's
 * machines, so this is what stands between a typo and a deployment that starts but does not work.
 */
class ComposeFileTest {

    /** A tag with a dotted version number, e.g. {@code 3.9.1}, {@code 17.0.13_11-jre-noble}, {@code 16.4-alpine}. */
    private static final Pattern PINNED = Pattern.compile("^[a-z0-9][a-z0-9._/-]*:(?!latest)[A-Za-z0-9_.-]*\\d+\\.\\d+[A-Za-z0-9_.-]*$");
    private static final Pattern URL_PORT = Pattern.compile("https?://([^/:]+):(\\d+)(/[^\\s\"']*)?");
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^/:]+):(\\d+)/([A-Za-z0-9_]+)$");
    private static final String KAFKA_IMAGE = "apache/kafka:";

    private static Map<String, Map<String, Object>> services;
    private static NginxConfig nginx;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repository.read("docker/compose.yaml"));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        nginx = NginxConfig.parse(Repository.read("docker/nginx.conf"));
    }

    @Test
    void images_arePinnedToAnExplicitVersion() {
        for (var service : services.entrySet()) {
            Object image = service.getValue().get("image");
            if (image == null) {
                assertThat(service.getValue()).as(service.getKey() + " has neither image nor build")
                        .containsKey("build");
                continue;
            }
            assertThat(image.toString()).as(service.getKey() + "'s image").matches(PINNED);
        }
        for (String dockerfile : dockerfiles()) {
            List<String> stages = new ArrayList<>();
            for (String line : Repository.read(dockerfile).lines().toList()) {
                Matcher from = Pattern.compile("^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE)
                        .matcher(line.strip());
                if (from.find()) {
                    if (!stages.contains(from.group(1))) {
                        assertThat(from.group(1)).as(dockerfile + ": " + line).matches(PINNED);
                    }
                    if (from.group(2) != null) {
                        stages.add(from.group(2));
                    }
                }
            }
            assertThat(stages).as(dockerfile + " builds in its own stage").isNotEmpty();
        }
    }

    @Test
    void dockerfiles_buildWithMavenOnJava17_runTheExecJarAsNonRoot_withAHealthCheck() {
        for (String dockerfile : dockerfiles()) {
            String module = module(dockerfile);
            List<String> lines = instructions(Repository.read(dockerfile));
            List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
            assertThat(froms.get(0)).as(dockerfile).matches("FROM maven:3\\.9\\.\\d+-eclipse-temurin-17 AS \\S+");
            assertThat(froms.get(froms.size() - 1)).as(dockerfile).matches("FROM eclipse-temurin:17\\.[\\w.-]*-jre[\\w.-]*");
            List<String> runtime = lines.subList(lines.indexOf(froms.get(froms.size() - 1)), lines.size());

            List<String> users = runtime.stream().filter(l -> l.startsWith("USER ")).toList();
            assertThat(users).as(dockerfile + ": the runtime stage sets a USER").isNotEmpty();
            String user = users.get(users.size() - 1).substring(5).strip().split(":")[0];
            assertThat(user).as(dockerfile + ": runs as").isNotIn("root", "0");

            List<String> copies = runtime.stream().filter(l -> l.startsWith("COPY ")).toList();
            assertThat(copies).as(dockerfile + ": copies one thing, the jar").hasSize(1);
            assertThat(copies.get(0)).as(dockerfile).contains("--from=").endsWith(".jar");
            assertThat(lines).as(dockerfile + ": the jar is the module's exec jar")
                    .anyMatch(l -> l.contains(module + "/target/" + module + "-") && l.contains("-exec.jar"));

            String port = String.valueOf(defaultPort(module));
            assertThat(runtime).as(dockerfile + ": HEALTHCHECK on the service's own port and health endpoint")
                    .anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/actuator/health")
                            && l.contains(portVariable(module)) && l.contains(":-" + port + "}"));
            assertThat(runtime).as(dockerfile).anyMatch(l -> l.startsWith("ENTRYPOINT ") && l.contains("-jar"));
        }
    }

    @Test
    void everyVariableGivenToAService_isOneItsApplicationYmlReads() {
        for (String service : appServices()) {
            Set<String> known = Repository.placeholders(Repository.applicationYml(moduleOf(service))).keySet();
            assertThat(known).as("variables of " + moduleOf(service) + "'s application.yml").isNotEmpty();
            // Spring Kafka's own settings (the broker login) are bound by Spring Boot from SPRING_KAFKA_*, not by a
            // placeholder of ours.
            assertThat(environment(service).keySet().stream().filter(v -> !v.startsWith("SPRING_KAFKA_")))
                    .as(service + "'s environment").isSubsetOf(known);
        }
    }

    /** A default that points at this machine (127.0.0.1, localhost) or is an empty password is no use in a container. */
    @Test
    void everySettingWithoutAUsableDefaultInAContainer_isGiven() {
        for (String service : appServices()) {
            Map<String, String> placeholders = Repository.placeholders(Repository.applicationYml(moduleOf(service)));
            Map<String, String> env = environment(service);
            Set<String> required = new TreeSet<>();
            placeholders.forEach((variable, fallback) -> {
                if (fallback == null || fallback.contains("127.0.0.1") || fallback.contains("localhost")
                        || (variable.endsWith("_PASSWORD") && fallback.isEmpty())) {
                    required.add(variable);
                }
            });
            assertThat(required).as(service).contains("KAFKA_BOOTSTRAP_SERVERS", "CORDON_EVENTSTORE_DB_URL");
            assertThat(env.keySet()).as(service + " is given every setting without a usable default")
                    .containsAll(required);
            for (String variable : required) {
                assertThat(env.get(variable)).as(service + " " + variable).doesNotContain("127.0.0.1", "localhost");
            }
        }
    }

    @Test
    void databaseUrls_nameThePostgresService_itsPort_andDatabasesItCreates() {
        Map<String, Object> postgres = services.get("postgres");
        assertThat(postgres.get("image").toString()).startsWith("postgres:");
        Map<String, String> postgresEnv = environment("postgres");
        Set<String> databases = new HashSet<>();
        databases.add(postgresEnv.getOrDefault("POSTGRES_DB", postgresEnv.get("POSTGRES_USER")));
        Matcher created = Pattern.compile("(?i)CREATE DATABASE\\s+\"?(\\w+)")
                .matcher(Repository.read("docker/postgres-init/01-databases.sql"));
        while (created.find()) {
            databases.add(created.group(1));
        }
        assertThat(volumes("postgres")).contains("./postgres-init:/docker-entrypoint-initdb.d:ro");
        String postgresPort = postgresEnv.getOrDefault("PGPORT", "5432");

        Map<String, String> eventStoreUrls = new LinkedHashMap<>();
        for (String service : appServices()) {
            Map<String, String> env = environment(service);
            for (var variable : env.entrySet()) {
                if (!variable.getKey().endsWith("_DB_URL")) {
                    continue;
                }
                Matcher url = JDBC.matcher(variable.getValue());
                assertThat(url.matches()).as(service + " " + variable).isTrue();
                assertThat(url.group(1)).as(service + " " + variable.getKey() + " host").isEqualTo("postgres");
                assertThat(url.group(2)).as(service + " " + variable.getKey() + " port").isEqualTo(postgresPort);
                assertThat(databases).as(service + " " + variable.getKey() + " database").contains(url.group(3));
                String user = env.get(variable.getKey().replace("_URL", "_USER"));
                assertThat(user).as(service + " user for " + variable.getKey()).isEqualTo(postgresEnv.get("POSTGRES_USER"));
                assertThat(env.get(variable.getKey().replace("_URL", "_PASSWORD")))
                        .as(service + " password for " + variable.getKey())
                        .startsWith("${CORDON_DB_PASSWORD:?").isEqualTo(postgresEnv.get("POSTGRES_PASSWORD"));
            }
            eventStoreUrls.put(service, env.get("CORDON_EVENTSTORE_DB_URL"));
            if (moduleOf(service).equals("query-side")) {
                assertThat(env.get("CORDON_QUERY_DB_URL")).as("the read models have their own database")
                        .isNotEqualTo(env.get("CORDON_EVENTSTORE_DB_URL"));
            }
        }
        assertThat(new HashSet<>(eventStoreUrls.values())).as("one event store for all: " + eventStoreUrls).hasSize(1);
    }

    @Test
    void threeKafkaBrokers_formOneQuorum_withDistinctNodeIds() {
        List<String> brokers = brokers();
        assertThat(brokers).hasSize(3);
        Map<String, String> nodeIds = new LinkedHashMap<>();
        Set<String> voterSets = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        Set<String> expectedVoters = new TreeSet<>();
        for (String broker : brokers) {
            Map<String, String> env = environment(broker);
            nodeIds.put(broker, env.get("KAFKA_NODE_ID"));
            voterSets.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            clusterIds.add(env.get("CLUSTER_ID"));
            assertThat(env.get("KAFKA_PROCESS_ROLES")).as(broker).contains("controller").contains("broker");
            String controllerPort = listenerPort(env.get("KAFKA_LISTENERS"), env.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
            expectedVoters.add(env.get("KAFKA_NODE_ID") + "@" + broker + ":" + controllerPort);
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as(broker + " advertises its own service name")
                    .isEqualTo("CLIENT://" + broker + ":" + listenerPort(env.get("KAFKA_LISTENERS"), "CLIENT")
                            + ",INTERNAL://" + broker + ":" + listenerPort(env.get("KAFKA_LISTENERS"), "INTERNAL"));
            assertThat(env.get("KAFKA_LOG_DIRS")).as(broker).isEqualTo("/var/lib/kafka/data");
            assertThat(volumes(broker)).as(broker + " keeps its log on a volume")
                    .anyMatch(v -> v.endsWith(":/var/lib/kafka/data"));
            assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).as(broker).isEqualTo("3");
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).as(broker).isEqualTo("3");
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).as(broker).isEqualTo("2");
            assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).as(broker).isEqualTo("false");
        }
        assertThat(new HashSet<>(nodeIds.values())).as("node ids " + nodeIds).hasSize(3);
        assertThat(voterSets).as("every node has the same voters").hasSize(1);
        assertThat(new TreeSet<>(List.of(voterSets.iterator().next().split(","))))
                .as("the voters are exactly the three nodes").isEqualTo(expectedVoters);
        assertThat(clusterIds).as("one cluster id").hasSize(1);
        assertThat(Base64.getUrlDecoder().decode(clusterIds.iterator().next())).as("a base64 UUID").hasSize(16);
    }

    @Test
    void everyServiceReachesKafkaThroughTheBrokers_andTheTopicIsReplicated() {
        List<String> brokers = brokers();
        Set<String> advertised = brokers.stream().map(b -> environment(b).get("KAFKA_ADVERTISED_LISTENERS")
                .split(",")[0].replace("CLIENT://", "")).collect(Collectors.toSet());
        Set<String> topics = new HashSet<>();
        for (String service : appServices()) {
            Map<String, String> env = environment(service);
            assertThat(Set.of(env.get("KAFKA_BOOTSTRAP_SERVERS").split(","))).as(service + " bootstrap servers")
                    .isEqualTo(advertised);
            topics.add(env.getOrDefault("CORDON_KAFKA_TOPIC", "cordon.device-events"));
        }
        assertThat(topics).as("command and query side use one topic").hasSize(1);

        List<String> commandSides = replicas("command-side");
        for (String service : commandSides) {
            Map<String, String> env = environment(service);
            int partitions = Integer.parseInt(env.get("CORDON_KAFKA_PARTITIONS"));
            int replication = Integer.parseInt(env.get("CORDON_KAFKA_REPLICATION_FACTOR"));
            int minInsync = Integer.parseInt(env.get("CORDON_KAFKA_MIN_INSYNC_REPLICAS"));
            assertThat(partitions).as(service + " partitions").isGreaterThan(1);
            assertThat(replication).as(service + " replication factor").isEqualTo(3).isLessThanOrEqualTo(brokers.size());
            assertThat(minInsync).as(service + " min.insync.replicas").isEqualTo(2);
        }
        assertThat(commandSides.stream().map(s -> environment(s).get("CORDON_KAFKA_PARTITIONS")).distinct())
                .as("replicas agree on the topic").hasSize(1);
        Set<String> groups = replicas("query-side").stream()
                .map(s -> environment(s).getOrDefault("CORDON_QUERY_CONSUMER_GROUP", "cordon-query"))
                .collect(Collectors.toSet());
        assertThat(groups).as("query-side replicas share one consumer group").hasSize(1);
    }

    /** The compose file said 30 days while the command side, given no retention, created the topic unbounded. */
    @Test
    void theTopicTheCommandSideCreates_keepsWhatTheBrokersKeep() {
        Set<String> brokerRetention = brokers().stream()
                .map(b -> String.valueOf(Long.parseLong(environment(b).get("KAFKA_LOG_RETENTION_HOURS")) * 3_600_000L))
                .collect(Collectors.toSet());
        assertThat(brokerRetention).as("the brokers agree").hasSize(1);
        for (String service : replicas("command-side")) {
            Map<String, String> topic = TopicRetention.configs(environment(service)
                    .get("CORDON_KAFKA_RETENTION"));
            assertThat(topic.get(TopicConfig.RETENTION_MS_CONFIG))
                    .as(service + ": retention.ms of the topic it creates").isEqualTo(brokerRetention.iterator().next());
        }
        assertThat(Repository.read("docs/operations.md")).contains("30 days");
    }

    /** The compose brokers ran Kafka 3.9.1 while the project shipped and tested 4.4. */
    @Test
    void theBrokerImage_isTheKafkaReleaseTheProjectShips() {
        Matcher shipped = Pattern.compile("<artifactId>kafka_2\\.13</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Repository.read("standalone/kafka-broker/pom.xml"));
        assertThat(shipped.find()).as("the broker version in standalone/kafka-broker/pom.xml").isTrue();
        List<String> kafkaServices = services.keySet().stream()
                .filter(s -> String.valueOf(services.get(s).get("image")).startsWith(KAFKA_IMAGE)).toList();
        assertThat(kafkaServices).hasSizeGreaterThanOrEqualTo(4);
        for (String service : kafkaServices) {
            assertThat(services.get(service).get("image")).as(service).isEqualTo(KAFKA_IMAGE + shipped.group(1));
        }
    }

    /** Both query replicas logged in under one Kafka client id; each replica has its own host name, hence its own. */
    @Test
    void eachReplica_hasItsOwnKafkaClientId() {
        for (String module : List.of("command-side", "query-side")) {
            List<String> replicas = replicas(module);
            assertThat(replicas).hasSizeGreaterThanOrEqualTo(2);
            assertThat(replicas.stream().map(r -> String.valueOf(services.get(r).get("hostname"))).distinct())
                    .as(module + " replicas' host names").hasSize(replicas.size()).doesNotContain("null");
            assertThat(Repository.placeholders(Repository.applicationYml(module))).as(module + ": a client id setting")
                    .containsKey("CORDON_KAFKA_CLIENT_ID");
            assertThat(replicas.stream().map(r -> environment(r).get("CORDON_KAFKA_CLIENT_ID")).distinct())
                    .as(module + ": no client id shared by the replicas (the default is the host name's)")
                    .containsOnlyNulls();
        }
    }

    /** The services listened on every interface, with no setting to say otherwise. */
    @Test
    void bothServices_haveABindAddressSetting() {
        for (String module : List.of("command-side", "query-side")) {
            assertThat(Repository.placeholders(Repository.applicationYml(module))).as(module)
                    .containsEntry("CORDON_BIND_ADDRESS", "");
            assertThat(Repository.read(module + "/src/main/resources/application.yml"))
                    .contains("address: ${CORDON_BIND_ADDRESS:}");
        }
    }

    /**
     * start_period plus retries allowed about 120 s, while the services needed up to 180 s on a busy 2-core host; and
     * nginx.conf's upstream {@code resolve} needs nginx 1.27.3 or newer.
     */
    @Test
    void healthChecks_waitAsLongAsABusyHostNeeds_andNginxIsRecentEnoughForItsConfig() {
        for (String service : appServices()) {
            Map<String, Object> check = healthCheck(service);
            long allowed = seconds(check.get("start_period")) + seconds(check.get("interval"))
                    * Long.parseLong(String.valueOf(check.get("retries")));
            assertThat(allowed).as(service + ": seconds before it is unhealthy").isGreaterThanOrEqualTo(180);
        }
        if (Repository.read("docker/nginx.conf").contains(" resolve ")) {
            Matcher version = Pattern.compile("nginx:(\\d+)\\.(\\d+)\\.(\\d+)").matcher(
                    String.valueOf(services.get("gateway").get("image")));
            assertThat(version.find()).isTrue();
            int[] v = {Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)),
                    Integer.parseInt(version.group(3))};
            assertThat(v[0] * 1_000_000 + v[1] * 1_000 + v[2]).as("nginx 1.27.3 or newer")
                    .isGreaterThanOrEqualTo(1_027_003);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> healthCheck(String service) {
        Object check = services.get(service).get("healthcheck");
        assertThat(check).as(service + " has a health check").isInstanceOf(Map.class);
        return (Map<String, Object>) check;
    }

    private static long seconds(Object duration) {
        Matcher m = Pattern.compile("(\\d+)(s|m)").matcher(String.valueOf(duration));
        assertThat(m.matches()).as("a duration in s or m: " + duration).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("m") ? 60 : 1);
    }

    @Test
    void portsAgree_betweenEachServiceItsHealthCheckAndNginx() {
        Map<String, List<String>> upstreams = nginx.upstreams();
        assertThat(upstreams.keySet()).containsExactlyInAnyOrder("command_side", "query_side");
        for (String module : List.of("command-side", "query-side")) {
            List<String> replicas = replicas(module);
            assertThat(replicas).as(module + " replicas").hasSize(2);
            Set<String> expectedServers = new TreeSet<>();
            for (String service : replicas) {
                String port = environment(service).get(portVariable(module));
                assertThat(port).as(service + " sets its port").isNotNull();
                expectedServers.add(service + ":" + port);
                assertThat(healthCheckUrlPorts(service)).as(service + " health check").containsExactly(port);
                assertThat(healthCheckCommand(service)).as(service + " health check").contains("/actuator/health");
            }
            assertThat(new TreeSet<>(upstreams.get(module.replace('-', '_')))).as("nginx upstream " + module)
                    .isEqualTo(expectedServers);
        }
        Map<String, Object> gateway = services.get("gateway");
        assertThat(gateway.get("image").toString()).startsWith("nginx:");
        assertThat(volumes("gateway")).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
        assertThat((List<?>) gateway.get("ports")).map(Object::toString).containsExactly("8080:8080");
        nginx.server(8080);
        assertThat(nginx.listenPorts()).as("nginx's health check port is one nginx listens on")
                .containsAll(healthCheckUrlPorts("gateway").stream().map(Integer::valueOf).toList());
    }

    @Test
    void dependsOn_namesServicesThatExist_andWaitsForTheirHealth() {
        for (var service : services.entrySet()) {
            Map<String, Map<String, Object>> dependsOn = dependsOn(service.getKey());
            for (var dependency : dependsOn.entrySet()) {
                assertThat(services).as(service.getKey() + " depends on").containsKey(dependency.getKey());
                if ("no".equals(services.get(dependency.getKey()).get("restart"))) {
                    // A one-shot (kafka-init): what counts is that it did its work.
                    assertThat(dependency.getValue()).as(service.getKey() + " -> " + dependency.getKey())
                            .containsEntry("condition", "service_completed_successfully");
                    continue;
                }
                assertThat(dependency.getValue()).as(service.getKey() + " -> " + dependency.getKey())
                        .containsEntry("condition", "service_healthy");
                assertThat(services.get(dependency.getKey())).as(dependency.getKey() + " has a health check")
                        .containsKey("healthcheck");
            }
        }
        for (String service : appServices()) {
            Set<String> needs = new TreeSet<>(brokers());
            needs.add("postgres");
            needs.add("kafka-init");
            assertThat(dependsOn(service).keySet()).as(service).containsAll(needs);
        }
        assertThat(dependsOn("gateway").keySet()).as("the gateway waits for every replica")
                .containsExactlyInAnyOrderElementsOf(appServices());
    }

    /**
     * No listener lets a client in without credentials, whatever is allowed is allowed by an ACL, and each service logs
     * in as its own user with a password the operator must set; kafka-init grants the two users exactly their side's
     * work (the script itself was run against a broker configured so: closing note of the identity issue).
     */
    @Test
    void brokers_requireCredentialsOnEveryListener_andEachServiceLogsInAsItself() {
        for (String broker : brokers()) {
            Map<String, String> env = environment(broker);
            assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")).as(broker)
                    .allMatch(listener -> listener.endsWith(":SASL_PLAINTEXT") || listener.endsWith(":SASL_SSL"));
            assertThat(env.get("KAFKA_LISTENERS")).as(broker).doesNotContain("PLAINTEXT://");
            assertThat(env).as(broker)
                    .containsEntry("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                            "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:cordon-broker");
            assertThat(env.get("KAFKA_LISTENER_NAME_INTERNAL_PLAIN_SASL_JAAS_CONFIG")).as(broker)
                    .contains("password=\"${CORDON_KAFKA_ADMIN_PASSWORD:?");
        }
        for (String service : appServices()) {
            Map<String, String> env = environment(service);
            String user = moduleOf(service).equals("command-side") ? "cordon-command-side" : "cordon-query-side";
            String password = user.equals("cordon-command-side") ? "CORDON_KAFKA_COMMAND_SIDE_PASSWORD"
                    : "CORDON_KAFKA_QUERY_SIDE_PASSWORD";
            assertThat(env).as(service).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as(service)
                    .contains("ScramLoginModule required username=\"" + user + "\"")
                    .contains("password=\"${" + password + ":?");
        }
        Map<String, String> init = environment("kafka-init");
        assertThat(init.keySet()).contains("CORDON_KAFKA_ADMIN_PASSWORD", "CORDON_KAFKA_COMMAND_SIDE_PASSWORD",
                "CORDON_KAFKA_QUERY_SIDE_PASSWORD");
        assertThat(init.get("CORDON_KAFKA_TOPIC")).isEqualTo(environment(replicas("command-side").get(0))
                .get("CORDON_KAFKA_TOPIC"));
        assertThat(init.get("CORDON_QUERY_CONSUMER_GROUP")).isEqualTo(environment(replicas("query-side").get(0))
                .get("CORDON_QUERY_CONSUMER_GROUP"));
        String grants = Repository.read("docker/kafka/grant-access.sh");
        assertThat(grants).contains("--allow-principal User:cordon-command-side \\\n"
                        + "  --operation Write --operation Create --operation Describe --operation DescribeConfigs --topic \"$topic\"",
                "--allow-principal User:cordon-query-side \\\n"
                        + "  --operation Read --operation Describe --topic \"$topic\" --group \"$group\"");
    }

    @Test
    void nginx_routesEachRequestAsTheRoutingTableSays() {
        // method, path, where it must go
        Object[][] samples = {
                {"GET", "/api/machineactions", Route.QUERY_SIDE},
                {"HEAD", "/api/machineactions", Route.QUERY_SIDE},
                {"OPTIONS", "/api/machineactions", Route.QUERY_SIDE},
                {"GET", "/api/machineactions/0f6ad4c4-64d6-4a6e-9d32-7d1f7bd0c1e2", Route.QUERY_SIDE},
                {"POST", "/api/machineactions/0f6ad4c4-64d6-4a6e-9d32-7d1f7bd0c1e2/cancel", Route.COMMAND_SIDE},
                {"GET", "/api/machines", Route.QUERY_SIDE},
                {"GET", "/api/machines/4f2a9c1e", Route.QUERY_SIDE},
                {"PUT", "/api/machines/4f2a9c1e", Route.COMMAND_SIDE},
                {"DELETE", "/api/machines/4f2a9c1e", Route.COMMAND_SIDE},
                {"PATCH", "/api/machineactions/0f6ad4c4", Route.COMMAND_SIDE},
                {"POST", "/api/machines/4f2a9c1e/isolate", Route.COMMAND_SIDE},
                {"POST", "/api/machines/4f2a9c1e/unisolate", Route.COMMAND_SIDE},
                {"GET", "/api/machines/4f2a9c1e/timeline", Route.QUERY_SIDE},
                {"GET", "/api/machines/4f2a9c1e/isolationoptions", Route.QUERY_SIDE},
                {"GET", "/api/agent/machines/4f2a9c1e/pendingactions", Route.COMMAND_SIDE},
                {"POST", "/api/agent/machineactions/0f6ad4c4/status", Route.COMMAND_SIDE},
                {"GET", "/api/machines/4f2a9c1e/history", Route.COMMAND_SIDE},
                {"GET", "/api/machines/4f2a9c1e/state", Route.COMMAND_SIDE},
                {"HEAD", "/api/machines/4f2a9c1e/history", Route.COMMAND_SIDE},
                {"OPTIONS", "/api/machines/4f2a9c1e/history", Route.COMMAND_SIDE},
                {"GET", "/api/machines/4f2a9c1e/history/more", Route.QUERY_SIDE},
                {"GET", "/api/audit/events", Route.COMMAND_SIDE},
                {"GET", "/api/auditor", Route.QUERY_SIDE},
                {"GET", "/api", Route.QUERY_SIDE},
                {"POST", "/api", Route.COMMAND_SIDE},
                {"GET", "/v3/api-docs/command", Route.COMMAND_SIDE},
                {"GET", "/v3/api-docs/query", Route.QUERY_SIDE},
                {"GET", "/v3/api-docs", Route.QUERY_SIDE},
                {"GET", "/swagger-ui/index.html", Route.QUERY_SIDE},
                {"GET", "/", Route.QUERY_SIDE},
                {"GET", "/api/changes", Route.QUERY_SIDE},
                {"GET", "/devices/4f2a9c1e", Route.QUERY_SIDE},
                {"GET", "/actions", Route.QUERY_SIDE},
                {"GET", "/assets/app.js", Route.QUERY_SIDE},
                {"GET", "/actuator/health", Route.NOT_ROUTED},
                {"GET", "/actuator/prometheus", Route.NOT_ROUTED},
        };
        for (Object[] sample : samples) {
            String method = (String) sample[0];
            String path = (String) sample[1];
            Route expected = (Route) sample[2];
            String request = method + " " + path;
            assertThat(RouteTable.route(method, path)).as("RouteTable: " + request).isEqualTo(expected);
            NginxConfig.Target target = nginx.route(8080, method, path);
            switch (expected) {
                case COMMAND_SIDE -> assertThat(target.upstream()).as("nginx: " + request).isEqualTo("command_side");
                case QUERY_SIDE -> {
                    assertThat(target.upstream()).as("nginx: " + request).isEqualTo("query_side");
                    // Reads may be server-sent event streams: nginx must pass them on as they come.
                    assertThat(target.location().first("proxy_buffering")).as("nginx: " + request + " unbuffered")
                            .hasValueSatisfying(d -> assertThat(d.args()).containsExactly("off"));
                }
                case NOT_ROUTED -> {
                    assertThat(target.upstream()).as("nginx: " + request).isNull();
                    assertThat(target.returnStatus()).as("nginx: " + request).isEqualTo(404);
                }
            }
        }
    }

    @Test
    void nginxModel_followsNginxsLocationOrder() {
        NginxConfig conf = NginxConfig.parse("""
                http {
                  upstream a { server a:1; }
                  upstream b { server b:1; }
                  upstream c { server c:1; }
                  server {
                    listen 80;
                    location / { proxy_pass http://a; }
                    location /x/ { proxy_pass http://a; }
                    location ^~ /static/ { proxy_pass http://c; }
                    location ~ ^/x/y { proxy_pass http://b; }
                    location ~ \\.png$ { proxy_pass http://b; }
                    location = /x/y { proxy_pass http://c; }
                  }
                }""");
        assertThat(conf.route(80, "GET", "/x/y").upstream()).as("exact first").isEqualTo("c");
        assertThat(conf.route(80, "GET", "/x/yz").upstream()).as("regex before prefix").isEqualTo("b");
        assertThat(conf.route(80, "GET", "/x/z").upstream()).as("longest prefix").isEqualTo("a");
        assertThat(conf.route(80, "GET", "/static/i.png").upstream()).as("^~ stops regexes").isEqualTo("c");
        assertThat(conf.route(80, "GET", "/i.png").upstream()).isEqualTo("b");
    }

    // --- reading the compose model ---

    private static List<String> dockerfiles() {
        return List.of("docker/command-side.Dockerfile", "docker/query-side.Dockerfile");
    }

    /** One line per instruction (continuations joined), comments and the parser directive dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            lines.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        return lines;
    }

    private static String module(String dockerfile) {
        return dockerfile.replaceFirst("^docker/", "").replaceFirst("\\.Dockerfile$", "");
    }

    private static String portVariable(String module) {
        return module.equals("command-side") ? "CORDON_COMMAND_PORT" : "CORDON_QUERY_PORT";
    }

    private static int defaultPort(String module) {
        String fallback = Repository.placeholders(Repository.applicationYml(module)).get(portVariable(module));
        return Integer.parseInt(fallback);
    }

    /** Services built from one of Cordon's Dockerfiles, in file order. */
    private static List<String> appServices() {
        return services.keySet().stream().filter(s -> services.get(s).containsKey("build")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String moduleOf(String service) {
        Map<String, Object> build = (Map<String, Object>) services.get(service).get("build");
        assertThat(build.get("context")).as(service + " builds from the repository root").isEqualTo("..");
        String dockerfile = build.get("dockerfile").toString();
        assertThat(dockerfiles()).as(service + "'s Dockerfile").contains(dockerfile);
        return module(dockerfile);
    }

    private static List<String> replicas(String module) {
        return appServices().stream().filter(s -> moduleOf(s).equals(module)).toList();
    }

    private static List<String> brokers() {
        return services.keySet().stream()
                .filter(s -> String.valueOf(services.get(s).get("image")).startsWith(KAFKA_IMAGE))
                .filter(s -> environment(s).containsKey("KAFKA_NODE_ID")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Object environment = services.get(service).get("environment");
        if (environment == null) {
            return Map.of();
        }
        assertThat(environment).as(service + ": environment as a map").isInstanceOf(Map.class);
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) environment).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(String service) {
        return ((List<Object>) services.get(service).getOrDefault("volumes", List.of())).stream()
                .map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> dependsOn(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        if (dependsOn == null) {
            return Map.of();
        }
        assertThat(dependsOn).as(service + ": depends_on with conditions").isInstanceOf(Map.class);
        return (Map<String, Map<String, Object>>) dependsOn;
    }

    @SuppressWarnings("unchecked")
    private static String healthCheckCommand(String service) {
        Map<String, Object> healthcheck = (Map<String, Object>) services.get(service).get("healthcheck");
        assertThat(healthcheck).as(service + " health check").isNotNull();
        Object test = healthcheck.get("test");
        return test instanceof List<?> list ? list.stream().map(Object::toString).collect(Collectors.joining(" "))
                : test.toString();
    }

    private static List<String> healthCheckUrlPorts(String service) {
        Matcher url = URL_PORT.matcher(healthCheckCommand(service));
        List<String> ports = new ArrayList<>();
        while (url.find()) {
            assertThat(url.group(1)).as(service + " checks itself").isIn("127.0.0.1", "localhost");
            ports.add(url.group(2));
        }
        return ports;
    }

    /** The port of the named listener in a Kafka {@code listeners} value such as {@code PLAINTEXT://:9092,...}. */
    private static String listenerPort(String listeners, String name) {
        for (String listener : listeners.split(",")) {
            Matcher port = Pattern.compile("^" + Pattern.quote(name) + "://[^:]*:(\\d+)$").matcher(listener);
            if (port.matches()) {
                return port.group(1);
            }
        }
        throw new AssertionError("no " + name + " listener in " + listeners);
    }
}
