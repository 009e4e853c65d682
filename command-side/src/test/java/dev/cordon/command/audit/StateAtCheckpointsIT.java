package dev.cordon.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.support.IntegrationTestSupport;
import dev.cordon.command.support.RandomHistories;
import dev.cordon.command.support.StoredEventRows;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import dev.cordon.service.security.DeviceScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The state at an instant read through checkpoints is exactly the fold of every event up to it, on random histories
 * of several hundred events (a clock that sometimes steps back included), at random instants and at every event's
 * own instant; a checkpoint whose events changed, of another fold revision, or unreadable is ignored.
 */
class StateAtCheckpointsIT extends IntegrationTestSupport {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String META = "{\"requestor\":\"analyst@corp.example\",\"requestSource\":\"PublicApi\"}";

    @Autowired
    private DeviceHistory history;

    /** One history and the stored timestamp of each of its events. */
    private record Stored(String device, List<DeviceEvent> events, List<Instant> timestamps) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void stateAt_throughCheckpoints_isTheFoldOfEveryEventUpToIt(long seed) {
        Stored stored = store(seed, 230 + (int) seed * 61);
        Random random = new Random(seed);
        List<Instant> instants = new ArrayList<>();
        // The newest first: it folds the whole history and writes its checkpoints; every later read uses them.
        instants.add(stored.timestamps().get(stored.timestamps().size() - 1).plusSeconds(1));
        Instant first = stored.timestamps().get(0);
        Instant last = stored.timestamps().get(stored.timestamps().size() - 1);
        for (int i = 0; i < 120; i++) {
            instants.add(first.minusSeconds(1).plusMillis((long) (random.nextDouble()
                    * (last.toEpochMilli() - first.toEpochMilli() + 2000))).plusNanos(random.nextInt(1_000_000)));
        }
        for (int i = 0; i < stored.timestamps().size(); i += 7) {
            instants.add(stored.timestamps().get(i));
            instants.add(stored.timestamps().get(i).minusNanos(1));
        }
        for (Instant at : instants) {
            assertSameAsEveryEvent(stored, at);
        }
        assertThat(checkpoints(stored.device())).as("checkpoints written").isEqualTo(
                stored.events().size() / StateCheckpoints.EVERY);
    }

    /**
     * The checkpoint a read would start from is checked against the events it was folded over since the checkpoint
     * before it: one of them stamped otherwise makes the read fold the events instead.
     */
    @Test
    void checkpoint_whoseEventsChanged_isIgnored_andWrittenAgain() {
        Stored stored = store(11, 350);
        Instant end = stored.timestamps().get(stored.timestamps().size() - 1).plusSeconds(1);
        assertSameAsEveryEvent(stored, end);
        assertThat(checkpoints(stored.device())).isEqualTo(3);
        // An event under the last checkpoint is now stamped after every other: the fold must end before it.
        long moved = 250;
        Instant later = end.plusSeconds(60);
        jdbc.update("update domain_event_entry set time_stamp = ? where aggregate_identifier = ? and sequence_number = ?",
                DateTimeUtils.formatInstant(later), stored.device(), moved);
        List<Instant> timestamps = new ArrayList<>(stored.timestamps());
        timestamps.set((int) moved, later);
        Stored changed = new Stored(stored.device(), stored.events(), timestamps);

        assertSameAsEveryEvent(changed, end);
        assertThat(history.stateAt(changed.device(), end, DeviceScope.ALL).lastEvent().sequence()).isEqualTo(moved - 1);
        assertSameAsEveryEvent(changed, later);
        assertThat(checkpoints(stored.device())).as("written again from the events").isEqualTo(3);
    }

    /** A device whose history was stored again (deleted, then other events under its id): its old checkpoints go. */
    @Test
    void checkpoints_ofAHistoryStoredAgain_areIgnored() {
        Stored stored = store(13, 320);
        Instant end = stored.timestamps().get(stored.timestamps().size() - 1).plusSeconds(1);
        assertSameAsEveryEvent(stored, end);
        jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", stored.device());
        Stored again = store(14, 320, stored.device());
        assertSameAsEveryEvent(again, end.plusSeconds(3600));
        assertSameAsEveryEvent(again, again.timestamps().get(150));
    }

    @Test
    void checkpointOfAnotherFoldRevision_orUnreadable_isIgnored() {
        Stored stored = store(12, 250);
        Instant end = stored.timestamps().get(stored.timestamps().size() - 1).plusSeconds(1);
        assertSameAsEveryEvent(stored, end);
        // Another revision's checkpoint, after the last event, claiming a state no fold gave.
        jdbc.update("insert into device_state_checkpoint (device_id, fold_revision, sequence_number, previous_sequence,"
                + " latest_event_time, events_sha256, state) select device_id, ?, ?, previous_sequence, 0,"
                + " events_sha256, '{\"state\":null}' from device_state_checkpoint where device_id = ? and"
                + " sequence_number = 199", StateCheckpoints.FOLD_REVISION + 1, 249, stored.device());
        assertSameAsEveryEvent(stored, end);

        jdbc.update("update device_state_checkpoint set state = 'not json' where device_id = ? and fold_revision = ?",
                stored.device(), StateCheckpoints.FOLD_REVISION);
        assertSameAsEveryEvent(stored, end);
        assertSameAsEveryEvent(stored, stored.timestamps().get(120));
    }

    private void assertSameAsEveryEvent(Stored stored, Instant at) {
        DeviceStateJson expected = foldEveryEvent(stored, at);
        if (expected == null) {
            assertThatThrownBy(() -> history.stateAt(stored.device(), at, DeviceScope.ALL)).as("at %s", at)
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("did not exist yet");
        } else {
            assertThat(history.stateAt(stored.device(), at, DeviceScope.ALL)).as("at %s", at).isEqualTo(expected);
        }
    }

    /** The answer as it was before checkpoints: every event from the first, in memory, until one is after 'at'. */
    private DeviceStateJson foldEveryEvent(Stored stored, Instant at) {
        DeviceState state = null;
        DeviceGroupChangedEvent group = null;
        DeviceStateJson.LastEvent last = null;
        List<String> ids = jdbc.queryForList("select event_identifier from domain_event_entry where"
                + " aggregate_identifier = ? order by sequence_number", String.class, stored.device());
        for (int i = 0; i < stored.events().size(); i++) {
            if (stored.timestamps().get(i).isAfter(at)) {
                break;
            }
            DeviceEvent event = stored.events().get(i);
            state = DeviceStateFold.apply(state, event);
            if (event instanceof DeviceGroupChangedEvent changed) {
                group = changed;
            }
            last = new DeviceStateJson.LastEvent(ids.get(i), i, EventCatalog.of(event.getClass()).name(),
                    stored.timestamps().get(i));
        }
        return last == null ? null : DeviceStateJson.of(stored.device(), at, state, group, last);
    }

    /** A random history as rows; with odd seeds the clock steps back a few seconds now and then. */
    private Stored store(long seed, int length) {
        return store(seed, length, "hist-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private Stored store(long seed, int length, String device) {
        List<DeviceEvent> events = new RandomHistories(seed, device).history(length);
        StoredEventRows rows = new StoredEventRows(jdbc);
        Random random = new Random(seed);
        List<Instant> timestamps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            DeviceEvent event = events.get(i);
            Instant at = event.occurredAt();
            if (seed % 2 == 1 && i > 0 && random.nextInt(25) == 0) {
                at = at.minusSeconds(3);
            }
            timestamps.add(at);
            try {
                rows.insert(device, i, event.getClass().getName(), EventCatalog.of(event.getClass()).revision(),
                        JSON.writeValueAsBytes(event), at, META);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Stored(device, events, timestamps);
    }

    private int checkpoints(String device) {
        return jdbc.queryForObject("select count(*) from device_state_checkpoint where device_id = ? and"
                + " fold_revision = ?", Integer.class, device, StateCheckpoints.FOLD_REVISION);
    }
}
