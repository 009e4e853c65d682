package dev.cordon.system;

import dev.cordon.command.support.TestDatabase;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.service.testing.TestSigning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole engine for an end-to-end test: the command side and the query side as processes from their packaged
 * jars, each on a fresh PostgreSQL database, joined by the given Kafka broker (and the query side's read-only look
 * at the event store); both trust the tests' token issuer ({@link TestIssuer}). Closing it stops both by PID, the query
 * side first.
 */
public final class Engine implements AutoCloseable {

    /**
     * Every test here calls as one client, thousands of times a minute (AuditReplayIT alone makes 10,000 events), far
     * beyond Defender's 100 machine-action calls a minute, which TwoReplicasIT shows with the default limits.
     */
    private static final List<String> UNTHROTTLED = List.of(
            "--cordon.rate-limits.machine-actions.per-minute=1000000",
            "--cordon.rate-limits.machine-actions.per-hour=10000000");

    private final ServiceProcess commandSide;
    private final ServiceProcess querySide;

    private String eventStoreUrl;

    private Engine(ServiceProcess commandSide, ServiceProcess querySide) {
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    /**
     * @param name            prefix of the two databases
     * @param commandSideArgs extra arguments of the command side (e.g. a short action timeout)
     */
    public static Engine start(String name, String brokers, List<String> commandSideArgs) {
        return start(name, brokers, commandSideArgs, List.of());
    }

    /** @param querySideArgs extra arguments of the query side */
    public static Engine start(String name, String brokers, List<String> commandSideArgs, List<String> querySideArgs) {
        TestDatabase events = TestDatabase.create(name + "_events");
        TestDatabase readModels = TestDatabase.create(name + "_query");
        List<String> commandArgs = new ArrayList<>(List.of(
                "--spring.datasource.url=" + events.url(),
                "--spring.kafka.bootstrap-servers=" + brokers));
        commandArgs.addAll(trust());
        commandArgs.addAll(UNTHROTTLED);
        commandArgs.addAll(commandSideArgs);
        ServiceProcess commandSide = ServiceProcess.start("command-side", "cordon.commandSide.jar", commandArgs);
        try {
            List<String> queryArgs = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + readModels.url(),
                    "--cordon.query.event-store.url=" + events.url(),
                    "--spring.kafka.bootstrap-servers=" + brokers));
            queryArgs.addAll(trust());
            queryArgs.addAll(UNTHROTTLED);
            queryArgs.addAll(querySideArgs);
            ServiceProcess querySide = ServiceProcess.start("query-side", "cordon.querySide.jar", queryArgs);
            Engine engine = new Engine(commandSide, querySide);
            engine.eventStoreUrl = events.url();
            return engine;
        } catch (RuntimeException e) {
            commandSide.close();
            throw e;
        }
    }

    /** What every service started here is told to trust: the tests' token issuer and record signing key. */
    public static List<String> trust() {
        return List.of("--cordon.security.issuer-uri=" + TestIssuer.get().issuer(),
                "--cordon.kafka.signing-keys=" + TestSigning.KEYS);
    }

    /** The command side's database (as the tests' PostgreSQL user), for figures a benchmark reads from it. */
    public String eventStoreUrl() {
        return eventStoreUrl;
    }

    public String commandSideUrl() {
        return commandSide.baseUrl();
    }

    /** The command side's log, as its packaged jar writes it (its own logging configuration). */
    public Path commandSideLog() {
        return commandSide.log();
    }

    public String querySideUrl() {
        return querySide.baseUrl();
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
