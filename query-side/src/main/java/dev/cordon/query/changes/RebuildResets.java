package dev.cordon.query.changes;

import dev.cordon.query.rebuild.ReadModelRebuildPhaseChanged;
import dev.cordon.query.rebuild.RebuildMode;
import dev.cordon.query.rebuild.RebuildPhase;
import dev.cordon.query.rebuild.RebuildStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A rebuild that switched replaced every read model at once: subscribers refetch instead of patching. */
@Component
class RebuildResets {

    private static final Logger log = LoggerFactory.getLogger(RebuildResets.class);

    private final ChangeNotifier notifier;

    RebuildResets(ChangeNotifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(ReadModelRebuildPhaseChanged changed) {
        RebuildStatus status = changed.status();
        if (status.phase() != RebuildPhase.DONE || status.mode() != RebuildMode.SWITCH) {
            return;
        }
        try {
            notifier.reset();
        } catch (RuntimeException e) {
            // The rebuild itself succeeded; it must not be reported failed for this.
            log.warn("Change streams could not be told to reset after rebuild {}: {}", status.id(), e.toString());
        }
    }
}
