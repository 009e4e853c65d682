package dev.cordon.command.metrics;

import dev.cordon.events.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param rejection the public error code the request was answered with; null when it was accepted */
    public void record(String command, ErrorCode rejection, Duration took) {
        String outcome = rejection == null ? ACCEPTED : REJECTED;
        // Registering an existing meter returns it: Micrometer keeps one per name and tags.
        Counter.builder(COMMANDS)
                .description("Commands received over HTTP (API and device agents), by outcome and public error code")
                .tag("command", command)
                .tag("outcome", outcome)
                .tag("error_code", rejection == null ? NO_ERROR : rejection.name())
                .register(registry)
                .increment();
        Timer.builder(DURATION)
                .description("Time to answer a command, from the request reaching its endpoint to the response")
                .tag("command", command)
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(took);
    }

    static String nameOf(Class<?> command) {
        String name = command.getSimpleName();
        return name.endsWith("Command") ? name.substring(0, name.length() - "Command".length()) : name;
    }
}
