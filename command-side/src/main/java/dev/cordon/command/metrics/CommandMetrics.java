package dev.cordon.command.metrics;

import dev.cordon.events.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Commands counted by outcome and timed, under the names in docs/monitoring.md. */
@Component
public class CommandMetrics {

    static final String COMMANDS = "cordon.commands";
    static final String DURATION = "cordon.command.duration";
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    static final String NO_ERROR = "none";

    /** A command is one database transaction: milliseconds normally, seconds when the store is contended. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    /**
     * The meters of each command and outcome, registered on first use: registering again would return the same ones,
     * but only after building their ids and tags on every request.
     */
    private final Map<Outcome, Meters> meters = new ConcurrentHashMap<>();

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param rejection the public error code the request was answered with; null when it was accepted */
    public void record(String command, ErrorCode rejection, Duration took) {
        Meters m = meters.computeIfAbsent(new Outcome(command, rejection), this::register);
        m.commands().increment();
        m.duration().record(took);
    }

    private Meters register(Outcome key) {
        String command = key.command();
        ErrorCode rejection = key.rejection();
        String outcome = rejection == null ? ACCEPTED : REJECTED;
        Counter commands = Counter.builder(COMMANDS)
                .description("Commands received over HTTP (API and device agents), by outcome and public error code")
                .tag("command", command)
                .tag("outcome", outcome)
                .tag("error_code", rejection == null ? NO_ERROR : rejection.name())
                .register(registry);
        Timer duration = Timer.builder(DURATION)
                .description("Time to answer a command, from the request reaching its endpoint to the response")
                .tag("command", command)
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        return new Meters(commands, duration);
    }

    private record Outcome(String command, ErrorCode rejection) {
    }

    private record Meters(Counter commands, Timer duration) {
    }

    static String nameOf(Class<?> command) {
        String name = command.getSimpleName();
        return name.endsWith("Command") ? name.substring(0, name.length() - "Command".length()) : name;
    }
}
