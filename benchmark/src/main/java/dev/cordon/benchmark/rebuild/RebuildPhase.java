package dev.cordon.benchmark.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.benchmark.Figures;
import dev.cordon.benchmark.Store;
import dev.cordon.benchmark.cpu.CpuSnapshot;
import dev.cordon.benchmark.cpu.ProcessCpu;
import dev.cordon.benchmark.launcher.StandaloneLauncher;
import dev.cordon.benchmark.load.CordonApi;
import dev.cordon.benchmark.load.Devices;
import dev.cordon.benchmark.report.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The read-model rebuild rate, from Kafka and from the event store, on the store the run's other phases filled plus
 * {@code seedDevices} more registrations (two events each). Each rebuild runs in verify mode (built, caught up,
 * compared with the live models, discarded), on the query side's own port, where {@code /actuator/readmodels} is;
 * the figure is the rebuild's own events/s (the time it read the history), beside pgbench's 100-row transactions on
 * one connection in the same run.
 */
public final class RebuildPhase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REGISTRATION_CONNECTIONS = 16;
    public static final List<String> SOURCES = List.of("kafka", "event-store");

    private RebuildPhase() {
    }

    public static void measure(StandaloneLauncher launcher, URI base, CordonApi api, ProcessCpu cpu, Store store,
                               int seedDevices, double pgbenchRowsPerSecond, Duration timeout, Table table,
                               List<String> errors, Consumer<String> log) {
        log.accept("registering " + seedDevices + " devices for the rebuild");
        Devices.register(api, seedDevices, REGISTRATION_CONNECTIONS);
        StandaloneLauncher.ClientSecret operator = launcher.addClient("cordon-benchmark-operations",
                "Cordon.Operations");
        URI querySide = URI.create("http://127.0.0.1:" + querySidePort(launcher));
        CordonApi operations = CordonApi.signIn(querySide, launcher.tokenUrl(), operator.clientId(),
                operator.clientSecret());
        for (String source : SOURCES) {
            String figure = Figures.rebuild(store, source);
            try {
                CpuSnapshot before = cpu.snapshot();
                JsonNode done = rebuild(operations, source, timeout);
                long events = done.path("eventsDone").asLong();
                double rate = done.path("eventsPerSecond").asDouble();
                boolean equal = done.path("verification").path("equal").asBoolean(false);
                Map<String, Double> cpuPerEvent = ProcessCpu.perCommand(before, cpu.snapshot(), (int) events);
                if (!"done".equals(done.path("phase").asText())) {
                    errors.add(figure + ": " + done.path("failure").asText());
                    continue;
                }
                if (!equal) {
                    errors.add(figure + ": the rebuilt read models differ from the live ones: "
                            + done.path("verification").path("firstDifference"));
                }
                table.add(figure, format("%.0f events/s (%d events, %.1f s in all, %s)", rate, events,
                                done.path("elapsedSeconds").asDouble(), equal ? "equal" : "NOT equal"),
                        format("%.2fx pgbench 100-row transactions", rate / pgbenchRowsPerSecond), cpuPerEvent);
                log.accept(figure + ": " + format("%.0f events/s", rate));
            } catch (RuntimeException e) {
                errors.add(figure + ": " + e.getMessage());
            }
        }
    }

    private static JsonNode rebuild(CordonApi operations, String source, Duration timeout) {
        HttpResponse<String> started = operations.send("POST", "/actuator/readmodels",
                "{\"source\":\"" + source + "\",\"mode\":\"verify\"}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the rebuild did not start (" + started.statusCode() + "): "
                    + started.body());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = read(operations.send("GET", "/actuator/readmodels", null).body());
            String phase = status.path("phase").asText();
            if (phase.equals("done") || phase.equals("failed")) {
                return status;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the rebuild from " + source + " did not end within " + timeout);
    }

    /** The launcher gives each service a free port of its own, in the service's environment. */
    private static int querySidePort(StandaloneLauncher launcher) {
        return launcher.handle().descendants()
                .filter(child -> commandLine(child.pid()).contains("query-side.jar"))
                .map(child -> environment(child.pid()).get("CORDON_QUERY_PORT"))
                .filter(port -> port != null)
                .map(Integer::parseInt)
                .findFirst().orElseThrow(() -> new IllegalStateException("no query side among the launcher's"
                        + " processes, or it has no CORDON_QUERY_PORT"));
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<String, String> environment(long pid) {
        try {
            Map<String, String> variables = new java.util.HashMap<>();
            for (String entry : Files.readString(Path.of("/proc", Long.toString(pid), "environ"),
                    StandardCharsets.UTF_8).split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    variables.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return variables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
