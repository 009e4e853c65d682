package dev.cordon.command.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.command.snapshot.SnapshotProperties;
import dev.cordon.command.support.Concurrently;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Snapshots on the application as it ships (threshold {@code cordon.snapshots.after-events}, written off the
 * command's thread): a device with a long history is loaded from its snapshot and the events after it, answers by the
 * same rules, still has one winner in a race, still schedules and cancels its deadline, and a snapshot of another
 * revision is ignored.
 */
class DeviceSnapshotIT extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AggregateModel<Device> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Device.class);

    @Autowired
    private Configuration axon;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private SnapshotProperties snapshots;

    @Test
    void longHistory_isLoadedFromItsSnapshot_equalToItsEvents_andAnswersByTheRules() throws Exception {
        HttpApi api = api();
        String device = longHistory(api);
        long snapshotAt = awaitSnapshot(device, "1", 0);

        assertThat(fromRepository(device)).usingRecursiveComparison().isEqualTo(fromEveryEvent(device));
        assertThat(eventStore.readEvents(device).peek().getSequenceNumber()).as("the load starts at the snapshot")
                .isEqualTo(snapshotAt);

        // The one-winner race on a device loaded from its snapshot.
        List<Response> race = Concurrently.run(6, i -> api.isolate(device, "Full"));
        assertThat(race.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(race.stream().filter(r -> r.status() != 201)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().at("/error/code").asText()).isEqualTo("ActiveRequestAlreadyExists");
        });
        String action = race.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body().get("id")
                .asText();
        assertThat(deadlines(action)).as("its timeout is scheduled and its id kept").isEqualTo(1);
        assertThat(api.post("/api/machineactions/" + action + "/cancel", "{\"Comment\":\"wrong device\"}").status())
                .isEqualTo(200);
        assertThat(deadlines(action)).as("the cancel deleted its deadline").isZero();

        assertThat(fromRepository(device)).usingRecursiveComparison().isEqualTo(fromEveryEvent(device));
    }

    /**
     * A snapshot of another revision (here one that says the device is not isolated) is not read: the device is
     * loaded from its events, which say it is isolated, and the next trigger writes a snapshot of today's revision.
     */
    @Test
    void snapshotOfAnotherRevision_isIgnored_andReplacedByTheNextTrigger() throws Exception {
        HttpApi api = api();
        String device = longHistory(api);
        Response isolation = api.isolate(device, "Full");
        assertThat(isolation.status()).as(isolation.raw()).isEqualTo(201);
        assertThat(api.report(isolation.body().get("id").asText(), "Succeeded").status()).isEqualTo(200);
        long first = awaitSnapshot(device, "1", 0);
        // Past the threshold again, so that a snapshot after the isolation is taken.
        addAndRemoveTags(api, device, snapshots.afterEvents() / 2 + 1);
        long isolatedAt = awaitSnapshot(device, "1", first);

        ObjectNode stale = (ObjectNode) JSON.readTree(jdbc.queryForObject("select payload from snapshot_event_entry"
                + " where aggregate_identifier = ?", byte[].class, device));
        assertThat(stale.get("state").asText()).isEqualTo("Isolated");
        stale.put("state", "NotIsolated").putNull("scope");
        jdbc.update("update snapshot_event_entry set payload = ?, payload_revision = '0' where aggregate_identifier = ?",
                JSON.writeValueAsBytes(stale), device);

        Response again = api.isolate(device, "Full");
        assertThat(again.status()).as(again.raw()).isEqualTo(400);
        assertThat(again.body().at("/error/message").asText()).contains("already isolated");
        assertThat(fromRepository(device)).usingRecursiveComparison().isEqualTo(fromEveryEvent(device));

        // That refused command loaded every event, more than the threshold: a fresh snapshot replaces the stale one.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("select payload_revision from"
                + " snapshot_event_entry where aggregate_identifier = ?", String.class, device).equals(List.of("1")));
        assertThat(jdbc.queryForObject("select sequence_number from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, device)).isGreaterThanOrEqualTo(isolatedAt);
    }

    /** Registered, then tags added and removed: more events than the snapshot threshold. */
    private String longHistory(HttpApi api) {
        String device = "snap-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        assertThat(api.register(device, "ws-snap.corp.example", "Windows11", "22631").status()).isEqualTo(201);
        addAndRemoveTags(api, device, snapshots.afterEvents() / 2 + 5);
        return device;
    }

    private static void addAndRemoveTags(HttpApi api, String device, int pairs) {
        for (int i = 0; i < pairs; i++) {
            for (String action : List.of("Add", "Remove")) {
                Response r = api.post("/api/machines/" + device + "/tags",
                        "{\"Value\":\"tag-" + i + "\",\"Action\":\"" + action + "\"}");
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
            }
        }
    }

    /** @return the sequence of the device's snapshot, once there is one of {@code revision} after {@code after} */
    private long awaitSnapshot(String device, String revision, long after) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList("select sequence_number from"
                + " snapshot_event_entry where aggregate_identifier = ? and payload_revision = ? and sequence_number > ?",
                Long.class, device, revision, after).isEmpty());
        return jdbc.queryForObject("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, device);
    }

    private int deadlines(String action) {
        return jdbc.queryForObject("select count(*) from action_deadlines where action_id = ?", Integer.class, action);
    }

    /** As a command loads it: the snapshot, then the events after it. */
    private Device fromRepository(String device) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return axon.repository(Device.class).load(device).invoke(d -> d);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** Every stored event from the first, through the upcasters, without any snapshot. */
    private Device fromEveryEvent(String device) throws Exception {
        var constructor = Device.class.getDeclaredConstructor();
        Device fresh = constructor.newInstance();
        eventStore.readEvents(device, 0).asStream().forEach((DomainEventMessage<?> e) -> MODEL.publish(e, fresh));
        return fresh;
    }

}
