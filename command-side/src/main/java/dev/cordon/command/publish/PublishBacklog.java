package dev.cordon.command.publish;

import dev.cordon.command.config.AxonConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events stored but not yet published: the head of the event store minus the publisher's position, where the
 * position is the slowest segment's (every replica's segments, not only this one's). Two cheap reads: the head is
 * the maximum of the global index (its primary key), the tokens are one row per segment. A segment that another
 * replica holds counts with its stored token, which its owner writes after each batch and every few seconds when
 * idle; one that this instance holds counts with its position in memory, which is current.
 */
@Component
public class PublishBacklog {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public PublishBacklog(EventStore eventStore, JdbcTemplate jdbc, Serializer serializer,
                          EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** @return how many events the publisher has still to send (approximately: gaps in the index count too) */
    public long events() {
        long head = position(eventStore.createHeadToken());
        return Math.max(0, head - publisherPosition());
    }

    /**
     * When the oldest event still to send was stored: the first one after the slowest segment's position. It may
     * belong to a segment that is further on (so it errs towards older), never to one already sent by all.
     *
     * @return empty when nothing waits
     */
    public Optional<Instant> oldestWaitingSince() {
        List<String> stored = jdbc.queryForList("select time_stamp from domain_event_entry where global_index > ?"
                + " order by global_index limit 1", String.class, publisherPosition());
        return stored.stream().findFirst().map(Instant::parse);
    }

    private long publisherPosition() {
        Map<Integer, Long> positions = new HashMap<>();
        jdbc.query("select segment, token_type, token from token_entry where processor_name = ?",
                row -> {
                    positions.put(row.getInt(1), position(row.getString(2), row.getBytes(3)));
                }, AxonConfig.KAFKA_PUBLISHER_PROCESSOR);
        processing.eventProcessor(AxonConfig.KAFKA_PUBLISHER_PROCESSOR, StreamingEventProcessor.class)
                .ifPresent(publisher -> publisher.processingStatus().forEach((segment, status) -> status
                        .getCurrentPosition().ifPresent(held -> positions.merge(segment, held, Math::max))));
        return positions.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private long position(String type, byte[] token) {
        if (type == null || token == null) {
            return 0; // not started: everything from the first event is still to come
        }
        return position(serializer.<byte[], TrackingToken>deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null)));
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(0);
    }
}
