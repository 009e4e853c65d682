package dev.cordon.standalone.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's promise: the launcher, started from the built artifacts in an empty directory, is a working
 * Cordon at one base URL - demo devices, a simulated agent, commands and reads - that Ctrl-C stops completely
 * and that finds its history again on the next start.
 */
class StandaloneRunIT {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The quick-start client's token, fetched as the start message says. */
    private static String token;

    private Path workingDirectory;
    private final List<ProcessHandle> everyChildSeen = new ArrayList<>();
    private final List<LauncherProcess> launchers = new ArrayList<>();

    @BeforeEach
    void createWorkingDirectory() throws IOException {
        workingDirectory = Files.createTempDirectory("cordon-standalone-it-");
    }

    @AfterEach
    void leaveNothingBehind() throws IOException {
        launchers.forEach(LauncherProcess::close);
        everyChildSeen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(workingDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void firstStart_isolateAndReleaseThroughTheBaseUrl_ctrlC_secondStart_findsTheHistory() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("CORDON_PORT", Integer.toString(freePort()));
        // The simulated agent's 3 s default only makes this test wait; it still takes both actions to Succeeded.
        environment.put("CORDON_AGENT_SIMULATION_DELAY", "1s");

        LauncherProcess first = start(environment, "first-start.out");
        Duration firstReady = first.awaitReady(READY_TIMEOUT);
        System.out.printf("Standalone first start (empty directory): ready after %.1f s%n",
                firstReady.toMillis() / 1000.0);
        URI base = first.baseUrl();
        token = first.fetchToken();
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThat(base.getPort()).isEqualTo(Integer.parseInt(environment.get("CORDON_PORT")));

        // The seeded Windows 11 device, read back through the base URL, is the one the start message lists.
        JsonNode windows11 = single(get(base, "/api/machines?$filter=" + encode("osPlatform eq 'Windows11'")));
        String device = windows11.get("id").asText();
        assertThat(first.output()).contains(device, windows11.get("computerDnsName").asText(), "Windows11",
                base + "/swagger-ui.html", workingDirectory.resolve("data").toRealPath().toString());
        List<String> curl = first.curlExamples();
        assertThat(curl).hasSize(3).allSatisfy(example -> assertThat(example).contains(device));
        String tokenCommand = first.tokenCommand();
        assertThat(token).as("a JWT from the built-in token service").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

        // People sign in through the base URL: the administrator and the demo analyst the first start showed, and
        // a user added with the command line while Cordon runs; their tokens are delegated ones, with their roles.
        String tenant = tokenCommand.replaceFirst(".*" + base + "/([^/]+)/oauth2/v2\\.0/token.*", "$1");
        String dashboardSecret = Files.readString(workingDirectory.resolve("data/identity/dashboard-client-secret"))
                .trim();
        SignInThroughTheBaseUrl signIn = new SignInThroughTheBaseUrl(base, tenant);
        JsonNode admin = SignInThroughTheBaseUrl.claims(signIn.signIn("admin", first.userPassword("admin"),
                dashboardSecret).get("access_token").asText());
        assertThat(admin.get("roles").toString()).contains("Cordon.Administrator");
        assertThat(admin.get("scp").asText()).contains("Machine.ReadWrite.All");
        JsonNode analystTokens = new SignInThroughTheBaseUrl(base, tenant).signIn("analyst",
                first.userPassword("analyst"), dashboardSecret);
        JsonNode analyst = SignInThroughTheBaseUrl.claims(analystTokens.get("access_token").asText());
        assertThat(analyst.get("scp").asText()).isEqualTo("Machine.Isolate Machine.Read.All");
        assertThat(analyst.get("preferred_username").asText()).isEqualTo("analyst");
        assertThat(call(base, "GET", "/api/machines/" + device, analystTokens.get("access_token").asText())
                .statusCode()).as("the analyst's token is good at the API").isEqualTo(200);
        String carolPassword = first.addUser("carol", "Viewer", "--groups", "Servers");
        JsonNode carol = SignInThroughTheBaseUrl.claims(new SignInThroughTheBaseUrl(base, tenant).signIn("carol",
                carolPassword, dashboardSecret).get("access_token").asText());
        assertThat(carol.get("scp").asText()).isEqualTo("Machine.Read.All");
        assertThat(carol.get("cordon_device_groups").toString()).contains("Servers");

        // Without a token, nothing is answered and nothing stored.
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/machines/" + device
                        + "/isolate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"x\",\"IsolationType\":\"Full\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));

        // DNS rebinding: a page on another name that resolves to 127.0.0.1 names itself in Host; even with a good
        // token (which such a page would not have) the request is refused, through the one base URL.
        String rebound = run("curl -s -o /dev/null -w '%{http_code}' -X POST " + base + "/api/machines/" + device
                + "/isolate -H 'Host: rebind.attacker.example:" + base.getPort() + "' -H 'Authorization: Bearer " + token
                + "' -H 'Content-Type: application/json' -d '{\"Comment\":\"x\",\"IsolationType\":\"Full\"}'");
        assertThat(rebound).isEqualTo("400");

        // The start message's first example isolates it; the simulated agent alone takes it to Succeeded.
        JsonNode isolation = JSON.readTree(shell(tokenCommand + " && " + curl.get(0)));
        assertThat(isolation.get("requestor").asText()).as("the client the token names").isEqualTo("Cordon quick start");
        assertThat(isolation.get("type").asText()).isEqualTo("Isolate");
        assertThat(isolation.get("status").asText()).isEqualTo("Pending");
        assertThat(isolation.get("requestorComment").asText()).isNotBlank();
        String isolationId = isolation.get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get(base, "/api/machineactions/" + isolationId).get("status").asText())
                        .isEqualTo("Succeeded"));
        assertThat(get(base, "/api/machines/" + device).get("isolationState").asText()).isEqualTo("Isolated");
        // The second example lists the device's actions.
        JsonNode listed = JSON.readTree(shell(tokenCommand + " && " + curl.get(1))).get("value");
        assertThat(listed).extracting(a -> a.get("id").asText()).containsExactly(isolationId);

        // The third releases it.
        JsonNode release = JSON.readTree(shell(tokenCommand + " && " + curl.get(2)));
        assertThat(release.get("type").asText()).isEqualTo("Unisolate");
        String releaseId = release.get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(get(base, "/api/machineactions/" + releaseId).get("status").asText()).isEqualTo("Succeeded");
            assertThat(get(base, "/api/machines/" + device).get("isolationState").asText()).isEqualTo("NotIsolated");
        });
        List<String> timelineBefore = timeline(base, device);
        int devicesBefore = get(base, "/api/machines").get("value").size();

        // The audit reads and the API description are behind the same base URL as everything else.
        JsonNode history = get(base, "/api/machines/" + device + "/history").get("value");
        assertThat(history).extracting(e -> e.get("type").asText()).contains("DeviceIsolatedEvent",
                "DeviceReleasedEvent");
        String isolatedAt = history.findParents("type").stream()
                .filter(e -> e.get("type").asText().equals("DeviceIsolatedEvent")).findFirst().orElseThrow()
                .get("timestamp").asText();
        assertThat(get(base, "/api/machines/" + device + "/state?at=" + isolatedAt).get("isolationState").asText())
                .isEqualTo("Isolated");
        // Defender's versioned paths reach the same endpoints through the one base URL, on both sides.
        assertThat(get(base, "/api/v1.0/machines/" + device + "/history").get("value")).hasSameSizeAs(history);
        assertThat(get(base, "/api/v1.0/machineactions/" + releaseId).get("status").asText()).isEqualTo("Succeeded");
        assertThat(get(base, "/v3/api-docs/command").at("/paths").has("/api/machines/{id}/isolate")).isTrue();
        assertThat(get(base, "/v3/api-docs/query").at("/paths").has("/api/machineactions")).isTrue();
        assertThat(status(base, "/swagger-ui/index.html")).isEqualTo(200);

        // Through the one base URL too, every endpoint of both OpenAPI documents refuses what is not a token of
        // Cordon's issuer (401), and one without the endpoint's permission (403), storing nothing.
        int historyBefore = get(base, "/api/machines/" + device + "/history").get("value").size();
        String unsigned = base64Url("{\"alg\":\"none\"}") + "." + base64Url("{\"iss\":\"" + base
                + "\",\"aud\":\"api://cordon\",\"roles\":[\"Machine.Isolate\",\"Machine.ReadWrite.All\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600) + "}") + ".";
        int tried = 0;
        for (String document : List.of("/v3/api-docs/command", "/v3/api-docs/query")) {
            JsonNode paths = get(base, document).get("paths");
            for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
                String concrete = path.getKey().replaceAll("/machineactions/\\{[^}]+}", "/machineactions/" + releaseId)
                        .replaceAll("\\{[^}]+}", device);
                for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                    String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    for (String bad : java.util.Arrays.asList(null, "not-a-token", unsigned)) {
                        HttpResponse<String> answer = call(base, method, concrete, bad);
                        assertThat(answer.statusCode()).as("%s %s with %s", method, concrete, bad)
                                .isEqualTo(401);
                        assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
                        assertThat(answer.body()).contains("\"Unauthorized\"", "\"target\"");
                    }
                    boolean allowed = method.equals("GET") && !concrete.startsWith("/api/agent/")
                            || method.equals("POST") && !concrete.startsWith("/api/agent/");
                    if (!allowed) {
                        assertThat(call(base, method, concrete, token).statusCode())
                                .as("%s %s without its permission", method, concrete).isEqualTo(403);
                    }
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThanOrEqualTo(15);
        assertThat(get(base, "/api/machines/" + device + "/history").get("value")).hasSize(historyBefore);

        // Ctrl-C: the launcher and everything it started are gone.
        List<ProcessHandle> children = first.descendants();
        everyChildSeen.addAll(children);
        assertThat(children).hasSizeGreaterThanOrEqualTo(3);
        assertThat(children).anySatisfy(child -> assertThat(child.info().commandLine().orElse(""))
                .contains("kafka.Kafka"));
        first.interrupt();
        assertThat(first.awaitExit(Duration.ofSeconds(120))).as("launcher exited after SIGINT").isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(first.output()).contains("Stopped the services", "Stopped the Kafka broker", "Stopped the database");
        // Everything is in the working directory's data/: the embedded H2 databases and the broker's storage.
        Path data = workingDirectory.resolve("data");
        assertThat(data.resolve("h2/cordon_events.mv.db")).isNotEmptyFile();
        assertThat(data.resolve("h2/cordon_query.mv.db")).isNotEmptyFile();
        assertThat(data.resolve("kafka/data/meta.properties")).isNotEmptyFile();
        // The token service's keys and client hashes are its owner's only, as is everything under data/.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("identity"))))
                .isEqualTo("rwx------");
        // And what the children wrote: their logs, the broker's segments and metadata, the databases' files.
        try (Stream<Path> files = Files.walk(data)) {
            List<String> readableByOthers = files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return !PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).endsWith("------");
                } catch (IOException e) {
                    return false; // removed while walking (a broker's temporary file)
                }
            }).map(Path::toString).toList();
            assertThat(readableByOthers).as("files under data/ that others may read").isEmpty();
        }
        assertThat(data.resolve("logs")).isDirectoryContaining(p -> p.endsWith("command-side.log"))
                .isDirectoryContaining(p -> p.endsWith("query-side.log")).isDirectoryContaining(p -> p.endsWith("kafka.log"));

        // A second start in the same directory finds everything the first one recorded.
        LauncherProcess second = start(environment, "second-start.out");
        Duration secondReady = second.awaitReady(READY_TIMEOUT);
        System.out.printf("Standalone second start (same directory): ready after %.1f s%n",
                secondReady.toMillis() / 1000.0);
        // The quick-start secret was shown once; the token fetched before the restart is still good (same keys).
        assertThat(second.output()).contains("./cordon.sh clients add").doesNotContain(tokenCommand);
        // So were the passwords of the administrator and the demo analyst; the new start says how to sign in.
        assertThat(second.output()).doesNotContain("(shown once)").contains("open " + base + "/ and sign in");
        JsonNode actions = get(base, "/api/machineactions?$filter=" + encode("machineId eq '" + device + "'"))
                .get("value");
        assertThat(actions).extracting(a -> a.get("id").asText() + ":" + a.get("status").asText())
                .containsExactly(releaseId + ":Succeeded", isolationId + ":Succeeded");
        assertThat(timeline(base, device)).isEqualTo(timelineBefore)
                .contains("DeviceIsolationRequested", "DeviceIsolated", "DeviceReleaseRequested", "DeviceReleased");
        assertThat(get(base, "/api/machines/" + device).get("isolationState").asText()).isEqualTo("NotIsolated");
        assertThat(get(base, "/api/machines").get("value")).hasSize(devicesBefore);

        // Killed hard, the launcher cannot stop its children; they notice it is gone and stop themselves.
        List<ProcessHandle> secondChildren = second.descendants();
        everyChildSeen.addAll(secondChildren);
        assertThat(secondChildren).hasSizeGreaterThanOrEqualTo(3);
        second.kill();
        assertThat(second.awaitExit(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(secondChildren).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void ctrlC_duringStartUp_stopsWhatWasAlreadyStarted() throws Exception {
        LauncherProcess launcher = start(Map.of("CORDON_PORT", Integer.toString(freePort())), "interrupted.out");
        launcher.awaitOutput("Starting the token service, the command side and the query side", READY_TIMEOUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> launcher.descendants().size() >= 3);
        List<ProcessHandle> children = launcher.descendants();
        everyChildSeen.addAll(children);

        launcher.interrupt();

        assertThat(launcher.awaitExit(Duration.ofSeconds(120))).as("launcher exited after SIGINT").isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(launcher.output()).contains("Stopped during start-up", "Stopped the Kafka broker")
                .doesNotContain("Cordon is ready", "APPLICATION FAILED TO START", "Exception");
    }

    private LauncherProcess start(Map<String, String> environment, String output) {
        LauncherProcess launcher = LauncherProcess.start(workingDirectory, environment, output);
        launchers.add(launcher);
        return launcher;
    }

    private static List<String> timeline(URI base, String device) {
        List<String> steps = new ArrayList<>();
        get(base, "/api/machines/" + device + "/timeline").get("value")
                .forEach(entry -> steps.add(entry.get("eventType").asText()));
        return steps;
    }

    private static JsonNode single(JsonNode collection) {
        assertThat(collection.get("value")).hasSize(1);
        return collection.get("value").get(0);
    }

    private static JsonNode get(URI base, String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int status(URI base, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> call(URI base, String method, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString("{\"Comment\":\"refused\",\"status\":\"Succeeded\"}"));
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String base64Url(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A shell command's output; it must succeed. */
    private static String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s:%n%s", command, output).isZero();
        return output;
    }

    /** A start-message example, run exactly as a user would paste it into a shell. */
    private static String shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command + " --silent --show-error --fail-with-body")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s:%n%s", command, output).isZero();
        return output;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
