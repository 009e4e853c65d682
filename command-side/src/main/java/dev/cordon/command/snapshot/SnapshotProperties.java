package dev.cordon.command.snapshot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cordon.snapshots.*}: how often a device's aggregate is written as an Axon snapshot, so that a command on a
 * device with a long history loads the snapshot and the few events after it instead of every event.
 *
 * @param afterEvents a snapshot is taken once loading and handling a device went through more than this many events
 *                    since its last snapshot; 0 turns snapshots off (every command loads the whole history)
 */
@ConfigurationProperties(prefix = "cordon.snapshots")
public record SnapshotProperties(@DefaultValue("100") int afterEvents) {

    public SnapshotProperties {
        if (afterEvents < 0) {
            throw new IllegalArgumentException("cordon.snapshots.after-events must be 0 (off) or more, not "
                    + afterEvents);
        }
    }
}
