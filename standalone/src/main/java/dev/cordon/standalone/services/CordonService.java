package dev.cordon.standalone.services;

import dev.cordon.standalone.process.ChildProcess;
import dev.cordon.standalone.process.JavaCommand;
import dev.cordon.standalone.startup.StartupFailedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command side, the query side or the token service as a child process from its packaged jar, on a loopback port. */
public final class CordonService {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;

    private CordonService(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param javaOptions JVM options; the watchdog agent is added
     */
    public static CordonService start(String name, Path jar, int port, Map<String, String> environment,
            List<String> javaOptions, Path watchdogAgent, Path logFile) {
        List<String> tail = new ArrayList<>(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                // @odata.context links, Location headers and Swagger's server URL then name the launcher's base
                // URL, which the client used, not this loopback port.
                "--server.forward-headers-strategy=framework"));
        ChildProcess process = ChildProcess.start(name, JavaCommand.of(javaOptions, watchdogAgent, tail), environment,
                logFile);
        return new CordonService(process, port);
    }

    public ChildProcess process() {
        return process;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Until its readiness probe says UP (the one actuator endpoint open without a token); fails at once, naming the
     * log, if the process exits meanwhile.
     */
    public void awaitHealthy(Duration timeout) {
        awaitReady(process, baseUri(), timeout);
    }

    /** As {@link #awaitHealthy}, for a service started again on the same port (the cluster mode's supervision). */
    public static void awaitReady(ChildProcess process, URI baseUri, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartupFailedException("The " + process.name() + " exited during start-up (exit "
                        + process.exitValue() + ")", process.log());
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailedException("Interrupted while waiting for the " + process.name(), null);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailedException("Interrupted while waiting for the " + process.name(), null);
            }
        }
        throw new StartupFailedException("The " + process.name() + " was not healthy within " + timeout,
                process.log());
    }
}
