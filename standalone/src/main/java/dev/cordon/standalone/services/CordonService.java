package dev.cordon.standalone.services;

import dev.cordon.standalone.config.StandaloneProperties;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command side, the query side or the token service as a child process from its packaged jar, on a loopback port;
 * started again the same way after it died. It writes its own log, rotated with a size cap (the environment's
 * LOGGING_* settings); its stdout goes to a {@code .out} file beside it.
 */
public final class CordonService {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final int port;
    private volatile ChildProcess process;

    private CordonService(String name, List<String> command, Map<String, String> environment, Path logFile,
            int port) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.logFile = logFile;
        this.port = port;
    }

    /**
     * @param javaOptions JVM options; the watchdog agent is added
     * @param logFile     the log it writes, rotated within {@code logs}; its stdout goes to a .out file beside it
     */
    public static CordonService start(String name, Path jar, int port, Map<String, String> environment,
            List<String> javaOptions, Path watchdogAgent, Path logFile, StandaloneProperties.Logs logs) {
        List<String> tail = new ArrayList<>(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                // @odata.context links, Location headers and Swagger's server URL then name the launcher's base
                // URL, which the client used, not this loopback port.
                "--server.forward-headers-strategy=framework"));
        Map<String, String> withLog = new HashMap<>(environment);
        withLog.put("LOGGING_FILE_NAME", logFile.toString());
        withLog.put("LOGGING_LOGBACK_ROLLINGPOLICY_MAX_FILE_SIZE", logs.maxFileSize().toBytes() + "B");
        withLog.put("LOGGING_LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP", logs.totalSizeCap().toBytes() + "B");
        // Everything goes to the rotated file; the console (the .out file, never rotated while it runs) stays quiet.
        withLog.put("LOGGING_THRESHOLD_CONSOLE", "OFF");
        CordonService service = new CordonService(name, JavaCommand.of(javaOptions, watchdogAgent, tail), withLog,
                logFile, port);
        service.start();
        return service;
    }

    /** Starts it (again): the same command, port and environment as the first time. */
    public ChildProcess start() {
        String fileName = logFile.getFileName().toString();
        Path output = logFile.resolveSibling(fileName.replaceFirst("\\.log$", "") + ".out");
        process = ChildProcess.start(name, command, environment, output, logFile);
        return process;
    }

    /** The latest start's process. */
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
        awaitHealthy(process, timeout);
    }

    /** As {@link #awaitHealthy(Duration)}, for this start of it. */
    public void awaitHealthy(ChildProcess process, Duration timeout) {
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
