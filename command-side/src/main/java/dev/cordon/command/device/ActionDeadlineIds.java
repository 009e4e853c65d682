package dev.cordon.command.device;

import java.util.Optional;

/**
 * The id of each open action's timeout deadline, so that ending the action cancels exactly that deadline. Without it
 * the only way is {@code DeadlineManager.cancelAllWithinScope}, which the db-scheduler deadline manager answers by
 * reading and deserializing every scheduled deadline of the system: a cost that grows with the open actions. The id
 * is the scheduler's, not a fact about the device, so it is kept beside the events, not in them. Actions requested
 * before ids were kept have none.
 */
public interface ActionDeadlineIds {

    void keep(String actionId, String deadlineId);

    /** The action's deadline id, forgotten as it is returned; empty for an action requested before ids were kept. */
    Optional<String> take(String actionId);
}
