package dev.cordon.events.bulk;

import dev.cordon.events.CordonEvent;

/**
 * An event of a bulk action: one request that isolates or releases many devices. The bulk is an aggregate of its
 * own (its id the Kafka key), so that who asked, for which targets and what was refused is recorded once, beside the
 * devices' own actions, which carry the bulk id.
 */
public interface BulkActionEvent extends CordonEvent {
    String bulkId();

    @Override
    default String subject() {
        return bulkId();
    }
}
