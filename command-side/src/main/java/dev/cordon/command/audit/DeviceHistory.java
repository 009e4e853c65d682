package dev.cordon.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupIndex;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import dev.cordon.service.security.DeviceScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A device's stored events, as they are (its history) and folded up to an instant (its state then). */
@Component
class DeviceHistory {

    private static final Logger log = LoggerFactory.getLogger(DeviceHistory.class);

    private final StoredEvents store;
    private final StateCheckpoints checkpoints;
    private final DeviceGroupIndex groups;
    private final ObjectMapper json = EventJson.newMapper();

    DeviceHistory(StoredEvents store, StateCheckpoints checkpoints, DeviceGroupIndex groups) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.groups = groups;
    }

    HistoryJson history(String machineId, DeviceScope scope) {
        List<StoredEvent> events = requireEvents(machineId, scope);
        return new HistoryJson(machineId, events.stream().map(this::entry).toList());
    }

    /**
     * Folds the device's events in sequence order while their timestamp is at or before {@code at}; an event
     * recorded exactly at {@code at} is included. Timestamps grow with the sequence (Axon stamps an event when the
     * device's command applies it), so this is every event with a timestamp up to {@code at}; should a clock ever
     * step back, the fold still ends at the first event after {@code at}, as a replay must.
     * <p>
     * The fold starts from the latest state checkpoint it would pass (one after every {@link StateCheckpoints#EVERY}
     * events, all of whose events are at or before {@code at}) once that checkpoint's events still hash to what it
     * was folded from, and reads only the events after it up to the next checkpoint: the same answer as folding every
     * event (the fold is a left fold, and a checkpoint is its value after its last event), from about a hundred rows
     * instead of the whole history. Folding the device's newest events writes the checkpoints they complete.
     */
    DeviceStateJson stateAt(String machineId, Instant at, DeviceScope scope) {
        groups.requireCovered(scope, machineId);
        long atMillis = floorMillis(at);
        StateCheckpoint from = usableCheckpoint(machineId, atMillis);
        Fold fold = new Fold(from);
        long after = from == null ? -1 : from.sequence();
        while (true) {
            OptionalLong next = checkpoints.nextAfter(machineId, after);
            List<StoredEvent> events = store.ofDevice(machineId, after, next.isPresent() ? next.getAsLong() : null);
            if (from == null && after == -1 && events.isEmpty()) {
                throw RuleViolationException.unknownMachine(machineId);
            }
            for (StoredEvent event : events) {
                fold.add(event, at, next.isEmpty());
            }
            // Past the next checkpoint only if it was not passable for 'at' only by rounding (sub-millisecond stamps).
            if (fold.ended() || next.isEmpty()) {
                break;
            }
            after = next.getAsLong();
            fold.passed(after);
        }
        checkpoints.save(machineId, fold.written);
        if (fold.answer == null) {
            throw new RuleViolationException(ErrorCode.ResourceNotFound,
                    "Machine " + machineId + " did not exist yet at " + at + ": it had no events then.");
        }
        FoldedState answer = fold.answer;
        return DeviceStateJson.of(machineId, at, answer.state(), answer.group(), answer.last());
    }

    /** The latest checkpoint the fold to {@code atMillis} passes, once it matches its events; else none. */
    private StateCheckpoint usableCheckpoint(String machineId, long atMillis) {
        Optional<StateCheckpoint> candidate;
        try {
            candidate = checkpoints.latestAtOrBefore(machineId, atMillis);
        } catch (IllegalStateException unreadable) {
            log.warn("A state checkpoint of {} is unreadable; folding its events instead", machineId);
            checkpoints.discard(machineId);
            return null;
        }
        if (candidate.isEmpty()) {
            return null;
        }
        StateCheckpoint checkpoint = candidate.get();
        Optional<byte[]> seed = checkpoint.previousSequence() < 0 ? Optional.of(EventsHash.NONE)
                : checkpoints.hashAt(machineId, checkpoint.previousSequence());
        if (seed.isPresent() && Arrays.equals(checkpoint.eventsSha256(), store.hashOfDevice(machineId,
                checkpoint.previousSequence(), checkpoint.sequence(), seed.get()))) {
            return checkpoint;
        }
        log.warn("A state checkpoint of {} (after event {}) does not match the events it was folded from; folding"
                + " the events instead, and writing its checkpoints again", machineId, checkpoint.sequence());
        checkpoints.discard(machineId);
        return null;
    }

    private static long floorMillis(Instant at) {
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1000L), at.getNano() / 1_000_000);
        } catch (ArithmeticException beyondMillis) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long ceilMillis(Instant timestamp) {
        long millis = timestamp.toEpochMilli();
        return timestamp.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    /**
     * The fold of one read: the answer for 'at' (fixed at the first event after it), and, when the newest events are
     * read, the checkpoints they complete, folded on past 'at' for that.
     */
    private static final class Fold {

        private FoldedState current;
        private FoldedState answer;
        private boolean ended;
        private long lastCheckpoint;
        private long latestEventTime;
        private EventsHash hash;
        private final List<StateCheckpoint> written = new ArrayList<>();

        Fold(StateCheckpoint from) {
            current = from == null ? null : from.folded();
            answer = current;
            lastCheckpoint = from == null ? -1 : from.sequence();
            latestEventTime = from == null ? Long.MIN_VALUE : from.latestEventTime();
            hash = new EventsHash(from == null ? EventsHash.NONE : from.eventsSha256());
        }

        boolean ended() {
            return ended;
        }

        /** The fold went on past the checkpoint after event {@code sequence}: the chain continues from there. */
        void passed(long sequence) {
            hash = new EventsHash(hash.value());
            lastCheckpoint = sequence;
        }

        void add(StoredEvent stored, Instant at, boolean newest) {
            DomainEventMessage<?> message = stored.current();
            if (!ended && message.getTimestamp().isAfter(at)) {
                ended = true;
            }
            if (ended && !newest) {
                return;
            }
            DeviceState state = DeviceStateFold.apply(current == null ? null : current.state(), stored.event());
            DeviceGroupChangedEvent group = stored.event() instanceof DeviceGroupChangedEvent changed ? changed
                    : current == null ? null : current.group();
            current = new FoldedState(state, group, new DeviceStateJson.LastEvent(message.getIdentifier(),
                    message.getSequenceNumber(), name(message), message.getTimestamp()));
            if (!ended) {
                answer = current;
            }
            hash.add(message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                    stored.storedRevision(), stored.storedPayload());
            latestEventTime = Math.max(latestEventTime, ceilMillis(message.getTimestamp()));
            if (newest && message.getSequenceNumber() - lastCheckpoint >= StateCheckpoints.EVERY) {
                byte[] sha256 = hash.value();
                written.add(new StateCheckpoint(message.getSequenceNumber(), lastCheckpoint, latestEventTime, sha256,
                        current));
                lastCheckpoint = message.getSequenceNumber();
                hash = new EventsHash(sha256);
            }
        }
    }

    /** Outside the caller's device groups (its current group) the device has no events: the same 404. */
    private List<StoredEvent> requireEvents(String machineId, DeviceScope scope) {
        groups.requireCovered(scope, machineId);
        List<StoredEvent> events = store.ofDevice(machineId);
        if (events.isEmpty()) {
            throw RuleViolationException.unknownMachine(machineId);
        }
        return events;
    }

    private HistoryEntryJson entry(StoredEvent stored) {
        DomainEventMessage<?> message = stored.current();
        String revision = EventCatalog.of(message.getPayloadType()).revision();
        return new HistoryEntryJson(message.getIdentifier(), message.getSequenceNumber(), name(message),
                message.getTimestamp(), revision, stored.storedRevision(), json.valueToTree(message.getPayload()),
                Objects.equals(revision, stored.storedRevision()) ? null : tree(stored.storedPayload()),
                json.valueToTree(new TreeMap<>(message.getMetaData())));
    }

    private static String name(DomainEventMessage<?> message) {
        return EventCatalog.of(message.getPayloadType()).name();
    }

    private JsonNode tree(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored payload is not readable JSON", e);
        }
    }
}
