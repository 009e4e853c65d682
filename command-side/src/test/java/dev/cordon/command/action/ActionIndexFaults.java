package dev.cordon.command.action;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The action index with faults a test switches on for one device: its actions' reads fail after a given number
 * still succeed, or its writes (in the command's transaction) fail. Switched off it is the action index as it
 * ships; IntegrationTestSupport puts it in place of that one, so the shared app serves these tests too.
 */
public class ActionIndexFaults extends ActionIndex {

    private static final Map<String, AtomicInteger> READS_LEFT = new ConcurrentHashMap<>();
    private static final Map<String, Supplier<RuntimeException>> WRITE_FAILURES = new ConcurrentHashMap<>();

    ActionIndexFaults(JdbcTemplate jdbc) {
        super(jdbc);
    }

    /** What Spring throws when Hikari has no connection to give: the database went away. */
    public static RuntimeException databaseGone() {
        return new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
    }

    /** From now on, the device's actions are read {@code succeeding} more times; every read after fails. */
    public static void failReadsOf(String deviceId, int succeeding) {
        READS_LEFT.put(deviceId, new AtomicInteger(succeeding));
    }

    public static void failWritesOf(String deviceId, Supplier<RuntimeException> failure) {
        WRITE_FAILURES.put(deviceId, failure);
    }

    public static void clear(String deviceId) {
        READS_LEFT.remove(deviceId);
        WRITE_FAILURES.remove(deviceId);
    }

    @Override
    public Optional<ActionRecord> find(String actionId) {
        Optional<ActionRecord> found = super.find(actionId);
        found.ifPresent(action -> read(action.deviceId()));
        return found;
    }

    @Override
    public List<ActionRecord> openActionsOf(String deviceId) {
        read(deviceId);
        return super.openActionsOf(deviceId);
    }

    @Override
    void insert(ActionRecord a, String bulkId) {
        Supplier<RuntimeException> failure = WRITE_FAILURES.get(a.deviceId());
        if (failure != null) {
            throw failure.get();
        }
        super.insert(a, bulkId);
    }

    private static void read(String deviceId) {
        AtomicInteger left = READS_LEFT.get(deviceId);
        if (left != null && left.getAndDecrement() <= 0) {
            throw databaseGone();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        ActionIndex actionIndexFaults(JdbcTemplate jdbc) {
            return new ActionIndexFaults(jdbc);
        }
    }
}
