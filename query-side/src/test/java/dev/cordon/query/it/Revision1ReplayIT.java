package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Records published before the revisions 2 (of DeviceIsolationRequestedEvent, DeviceRegisteredEvent and
 * DeviceDetailsUpdatedEvent) stay on the topic (and come again on a
 * replay): every committed revision-1 fixture, sent as the CloudEvent of that time, must build the same read
 * models as the same events at revision 2.
 */
class Revision1ReplayIT extends IntegrationTestSupport {

    /** One stored fixture event: its name, its revision-1 JSON exactly as committed, and its record today. */
    private record Fixture(EventCatalog.Entry entry, ObjectNode revision1, DeviceEvent event) {
    }

    private static final List<String> SELECTIVE_APPS = List.of("Outlook", "Microsoft Teams", "Skype for Business");

    @Test
    void revision1Fixtures_replayIntoTheSameReadModelsAsTheirRevision2Form() {
        List<Fixture> fixtures = revision1Fixtures();
        Map<String, String> asRevision1 = send(fixtures, "1");
        Map<String, String> asRevision2 = send(fixtures, "2");

        Set<String> devices = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        fixtures.forEach(f -> {
            devices.add(f.event().deviceId());
            // Reports on actions whose request is not among the fixtures reach the timeline and device only.
            if (f.event() instanceof DeviceIsolationRequestedEvent a) {
                actions.add(a.actionId());
            } else if (f.event() instanceof DeviceReleaseRequestedEvent a) {
                actions.add(a.actionId());
            }
        });
        for (String device : devices) {
            String timeline = "/api/machines/%s/timeline";
            assertThat(read(timeline, device, asRevision1)).as("timeline of %s", device)
                    .isEqualTo(read(timeline, device, asRevision2));
            assertThat(read("/api/machines/%s", device, asRevision1)).as("device %s", device)
                    .isEqualTo(read("/api/machines/%s", device, asRevision2));
        }
        assertThat(actions).hasSize(3);
        for (String action : actions) {
            JsonNode fromRevision1 = read("/api/machineactions/%s", action, asRevision1);
            assertThat(fromRevision1).as("action %s", action)
                    .isEqualTo(read("/api/machineactions/%s", action, asRevision2));
        }
        JsonNode isolation = read("/api/machineactions/%s", "c40fa9f5-c213-4384-85c3-a7477f4def3c", asRevision1);
        assertThat(isolation.get("scope").asText()).isEqualTo("Full");
        assertThat(isolation.get("status").asText()).isEqualTo("Succeeded");
        assertThat(isolation.get("requestor").asText()).isEqualTo("m.keller@contoso.com");
        assertThat(read("/api/machines/%s", "867318b7309490b2ab7953cef1078881d1a0ad09", asRevision1)
                .get("isolationState").asText()).isEqualTo("NotIsolated");
    }

    /**
     * Every revision-1 fixture as committed, plus the isolation request's fixture made Selective (the case whose
     * upcast adds applications), each with the record it is today.
     */
    private static List<Fixture> revision1Fixtures() {
        List<Fixture> fixtures = new ArrayList<>();
        // Bulk actions' events have no device read model to replay into (and no revision before their first).
        for (EventCatalog.Entry entry : EventCatalog.deviceEntries()) {
            fixtures.add(fixture(entry, fixtureJson(entry.name() + ".v1.json")));
        }
        EventCatalog.Entry requested = EventCatalog.byCloudEventType("dev.cordon.device.DeviceIsolationRequested")
                .orElseThrow();
        fixtures.add(fixture(requested, fixtureJson(requested.name() + ".v1.json")
                .put("deviceId", "52af54ff5a0c3c89ecf5677b3730fff54ec98715")
                .put("actionId", "7d2e9b41-0c6a-4f8e-9a13-5b8c4e2f61d7")
                .put("isolationType", "Selective")
                .put("requestedAt", "2026-03-06T10:01:00Z")));
        return fixtures;
    }

    /** The record is built from the revision-2 form written out here by hand, not by the upcaster under test. */
    private static Fixture fixture(EventCatalog.Entry entry, ObjectNode revision1) {
        try {
            return new Fixture(entry, revision1, (DeviceEvent) TestEvents.MAPPER.treeToValue(revision2(entry,
                    revision1), entry.eventClass()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The event's form at the catalog's revision today, written out by hand: the isolation request's applications
     * (revision 2) and bulk id (revision 3, null: no fixture is of a bulk), the release request's bulk id (revision 2),
     * the inventory's assessment of registered and updated devices (revision 2, none then).
     */
    private static ObjectNode revision2(EventCatalog.Entry entry, ObjectNode revision1) {
        if (entry.revision().equals("1")) {
            return revision1;
        }
        ObjectNode current = revision1.deepCopy();
        if (entry.eventClass() == DeviceIsolationRequestedEvent.class) {
            List<String> kept = revision1.get("isolationType").asText().equals("Selective") ? SELECTIVE_APPS
                    : List.of();
            kept.forEach(current.putArray("keptConnectedApplications")::add);
            current.putNull("bulkId");
        } else if (entry.eventClass() == DeviceReleaseRequestedEvent.class) {
            current.putNull("bulkId");
        } else {
            // DeviceRegisteredEvent and DeviceDetailsUpdatedEvent: no inventory reported an assessment then.
            current.put("riskScore", "None").put("exposureLevel", "None");
        }
        return current;
    }

    /**
     * Publishes the fixtures as one run under fresh device and action ids, per device in the order they happened,
     * numbered as the aggregate numbers them; waits until every timeline holds them all.
     *
     * @return the ids of this run by the fixture's id
     */
    private Map<String, String> send(List<Fixture> fixtures, String revision) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, List<Fixture>> byDevice = fixtures.stream()
                .sorted(Comparator.comparing((Fixture f) -> f.event().occurredAt()))
                .collect(Collectors.groupingBy(f -> f.event().deviceId(), LinkedHashMap::new, Collectors.toList()));
        byDevice.forEach((device, events) -> {
            ids.put(device, newId("r" + revision));
            long sequence = 0;
            for (Fixture f : events) {
                if (f.event() instanceof MachineActionEvent a) {
                    ids.computeIfAbsent(a.actionId(), unused -> UUID.randomUUID().toString());
                }
                ObjectNode data = (revision.equals("1") ? f.revision1() : revision2(f.entry(), f.revision1()))
                        .deepCopy();
                data.put("deviceId", ids.get(device));
                if (data.has("actionId")) {
                    data.put("actionId", ids.get(data.get("actionId").asText()));
                }
                String recordRevision = revision.equals("1") ? "1" : f.entry().revision();
                produce(ids.get(device), cloudEvent(f.entry(), recordRevision, ids.get(device), sequence++, data));
            }
        });
        byDevice.forEach((device, events) -> eventually().until(() -> {
            var response = get("/api/machines/" + ids.get(device) + "/timeline");
            return response.getStatusCode() == HttpStatus.OK
                    && response.getBody().get("value").size() == events.size();
        }));
        return ids;
    }

    private static String cloudEvent(EventCatalog.Entry entry, String revision, String deviceId, long sequence,
                                     JsonNode data) {
        try {
            return TestEvents.MAPPER.writeValueAsString(new DeviceCloudEvent(DeviceCloudEvent.SPEC_VERSION,
                    UUID.randomUUID().toString(), "urn:cordon:command-side", entry.cloudEventType(), deviceId,
                    Instant.parse("2026-03-08T00:00:00Z"), DeviceCloudEvent.CONTENT_TYPE, entry.dataSchema(revision),
                    sequence, revision, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer of one run, with that run's ids put back to the fixtures' (and event ids, random, removed). */
    private JsonNode read(String pathFormat, String fixtureId, Map<String, String> ids) {
        var response = get(String.format(pathFormat, ids.get(fixtureId)));
        assertThat(response.getStatusCode()).as(pathFormat + " " + fixtureId).isEqualTo(HttpStatus.OK);
        String body = response.getBody().toString();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            body = body.replace(id.getValue(), id.getKey());
        }
        try {
            JsonNode tree = TestEvents.MAPPER.readTree(body);
            if (tree.has("value")) {
                tree.get("value").forEach(entry -> ((ObjectNode) entry).remove("eventId"));
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode fixtureJson(String file) {
        try (InputStream in = Revision1ReplayIT.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + file + " on the test class path");
            }
            return (ObjectNode) TestEvents.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
