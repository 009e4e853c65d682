package dev.cordon.standalone.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a fault, with the load stopped: what the event store (read directly) and each query-side instance (on its own
 * port) hold of the actions that got a 201, and whether publishing and projecting caught up.
 */
final class Convergence {

    private static final Set<String> FINAL = Set.of("Succeeded", "Failed", "Cancelled", "TimedOut");
    private static final String REQUESTS = "select convert_from(payload, 'UTF8')::json->>'actionId', count(*)"
            + " from domain_event_entry where payload_type in"
            + " ('dev.cordon.events.action.DeviceIsolationRequestedEvent',"
            + " 'dev.cordon.events.action.DeviceReleaseRequestedEvent') group by 1";

    private final ClusterUnderTest cluster;
    private final PrivatePostgres postgres;
    private final String eventStore;

    Convergence(ClusterUnderTest cluster, PrivatePostgres postgres, String eventStore) {
        this.cluster = cluster;
        this.postgres = postgres;
        this.eventStore = eventStore;
    }

    /** Fills the figures: the store's counts at once (it is written before the 201), the rest once caught up. */
    void check(FaultFigures fault, Map<String, ClusterLoad.Accepted> accepted, Duration timeout) throws SQLException {
        Map<String, Integer> stored = storedRequests();
        fault.lost = (int) accepted.keySet().stream().filter(id -> !stored.containsKey(id)).count();
        fault.duplicated = (int) accepted.keySet().stream().filter(id -> stored.getOrDefault(id, 0) > 1).count();
        fault.acceptedWithout201 = (int) stored.keySet().stream().filter(id -> !accepted.containsKey(id)).count();

        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        int notFinal = accepted.size();
        while (Instant.now().isBefore(deadline)) {
            notFinal = notFinalOnSomeQuerySide(accepted.keySet());
            if (notFinal == 0 && caughtUp()) {
                fault.convergeMillis = Duration.between(start, Instant.now()).toMillis();
                break;
            }
            sleep(2000);
        }
        fault.stuck = notFinal;
        if (fault.convergeMillis < 0) {
            fault.note = fault.note + " [not caught up: lag " + cluster.offsets().map(ClusterUnderTest.Offsets::lag)
                    .orElse(-1L) + ", backlog " + cluster.instances("command side").stream()
                    .map(cluster::backlog).toList() + "]";
        }
        fault.duplicatedTimeline = duplicatedTimelineEntries(accepted);
    }

    private Map<String, Integer> storedRequests() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = postgres.connect(eventStore); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(REQUESTS)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    /** On each query side: every action in its read model's list, with a final status. */
    private int notFinalOnSomeQuerySide(Set<String> actions) {
        Set<String> missing = new HashSet<>();
        for (String querySide : cluster.instances("query side")) {
            JsonNode list = cluster.get(cluster.uri(querySide), "/api/machineactions?$top=10000");
            if (list == null) {
                return actions.size();
            }
            Map<String, String> status = new HashMap<>();
            list.path("value").forEach(a -> status.put(a.path("id").asText(), a.path("status").asText()));
            actions.stream().filter(id -> !FINAL.contains(status.getOrDefault(id, ""))).forEach(missing::add);
        }
        return missing.size();
    }

    private boolean caughtUp() {
        boolean noLag = cluster.offsets().map(o -> o.lag() == 0).orElse(false);
        List<String> commandSides = cluster.instances("command side");
        return noLag && commandSides.stream().allMatch(c -> cluster.backlog(c) == 0.0);
    }

    /** Entries of one event of one action seen twice in a device's timeline, on any query side. */
    private int duplicatedTimelineEntries(Map<String, ClusterLoad.Accepted> accepted) {
        Set<String> devices = new HashSet<>();
        accepted.values().forEach(a -> devices.add(a.device()));
        int duplicates = 0;
        for (String querySide : cluster.instances("query side")) {
            for (String device : devices) {
                JsonNode timeline = cluster.get(cluster.uri(querySide), "/api/machines/" + device + "/timeline");
                if (timeline == null) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode entry : timeline.path("value")) {
                    if (!entry.path("actionId").isTextual()) {
                        continue;
                    }
                    if (!seen.add(entry.path("eventType").asText() + "/" + entry.path("actionId").asText())) {
                        duplicates++;
                    }
                }
            }
        }
        return duplicates;
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
