package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.bulk.BulkActionCancelledEvent;
import dev.cordon.events.bulk.BulkActionTargetsRefusedEvent;
import dev.cordon.events.bulk.BulkRefusal;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A bulk action as the query side sees it, through Kafka: its own events (keyed by the bulk id) are known and
 * skipped, neither unknown nor poison, and the device events after them are projected; each action it dispatched
 * carries its id in the read model, in the machine action JSON, and is found by {@code $filter=bulkActionId eq}.
 */
class BulkActionReadModelIT extends IntegrationTestSupport {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aBulksActions_carryItsId_inTheRow_theJson_andTheFilter_andItsOwnEventsAreSkippedAsKnown() {
        String bulk = newId("bulk");
        DeviceStream isolated = newDevice();
        DeviceStream released = newDevice();
        DeviceStream single = newDevice();
        String isolation = newId("act");
        String release = newId("act");
        String alone = newId("act");
        double unknownBefore = count("unknown", "skipped") + count("unknown", "poison");

        for (DeviceStream device : List.of(isolated, released, single)) {
            device.send(TestEvents.registered(device.id, at(0)));
        }
        released.send(TestEvents.isolationRequested(released.id, newId("act"), IsolationType.Full, at(1)));
        produce(bulk, TestEvents.cloudEventJson(TestEvents.bulkRequested(bulk, ActionType.Isolate,
                List.of(isolated.id, released.id), at(10)), 0));
        isolated.send(TestEvents.isolationRequested(isolated.id, isolation, IsolationType.Selective, at(11), bulk));
        produce(bulk, TestEvents.cloudEventJson(new BulkActionTargetsRefusedEvent(bulk, List.of(new BulkRefusal(
                released.id, "ActiveRequestAlreadyExists", "An isolation is pending")), at(12)), 1));
        produce(bulk, TestEvents.cloudEventJson(TestEvents.bulkDispatched(bulk, 1, 1, at(13)), 2));
        released.send(TestEvents.releaseRequested(released.id, release, at(14), bulk));
        produce(bulk, TestEvents.cloudEventJson(new BulkActionCancelledEvent(bulk, "lead@corp.example", "Contained",
                at(15)), 3));
        single.send(TestEvents.isolationRequested(single.id, alone, IsolationType.Full, at(16)));

        // The last event is after every bulk event on its partition or another: all were handled by then.
        eventually().until(() -> jdbc.queryForObject("select count(*) from machine_action where id = ?",
                Integer.class, alone) == 1);
        eventually().until(() -> count("BulkActionCancelledEvent", "not_a_device_event") >= 1);
        assertThat(count("BulkActionRequestedEvent", "not_a_device_event")).isGreaterThanOrEqualTo(1);
        assertThat(count("BulkActionTargetsRefusedEvent", "not_a_device_event")).isGreaterThanOrEqualTo(1);
        assertThat(count("BulkActionDispatchedEvent", "not_a_device_event")).isGreaterThanOrEqualTo(1);
        assertThat(count("unknown", "skipped") + count("unknown", "poison")).isEqualTo(unknownBefore);

        // The column.
        assertThat(jdbc.queryForList("select id || '=' || coalesce(bulk_action_id, '-') from machine_action"
                        + " where id in (?, ?, ?) order by creation_date_time_utc", String.class, isolation, release,
                alone)).containsExactly(isolation + "=" + bulk, release + "=" + bulk, alone + "=-");

        // The JSON: the bulk's id, and null (not absent) for a single action, by id and in the list.
        JsonNode one = get("/api/machineactions/" + isolation).getBody();
        assertThat(one.get("bulkActionId").asText()).isEqualTo(bulk);
        JsonNode solo = get("/api/machineactions/" + alone).getBody();
        assertThat(solo.has("bulkActionId")).isTrue();
        assertThat(solo.get("bulkActionId").isNull()).isTrue();

        // The filter: the bulk's actions, alone or with the other fields.
        assertThat(ids(get("/api/machineactions", "$filter", "bulkActionId eq '" + bulk + "'")))
                .containsExactly(release, isolation);
        assertThat(ids(get("/api/machineactions", "$filter",
                "bulkActionId eq '" + bulk + "' and type eq 'Unisolate'"))).containsExactly(release);
        assertThat(ids(get("/api/machineactions", "$filter", "bulkActionId eq '" + newId("bulk") + "'"))).isEmpty();
        JsonNode list = get("/api/machineactions", "$filter", "id eq '" + alone + "'").getBody();
        assertThat(list.at("/value/0/bulkActionId").isNull()).isTrue();
    }

    private double count(String type, String outcome) {
        Counter counter = meters.find("cordon.events.projected").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> ids(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().get("value").forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
