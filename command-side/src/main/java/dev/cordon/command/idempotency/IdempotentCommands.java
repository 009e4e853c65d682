package dev.cordon.command.idempotency;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupIndex;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.security.DeviceScope;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sends a command at most once per caller and idempotency key: a retry is answered with the first request's action
 * as it is now, read from action_index, instead of a second action or ActiveRequestAlreadyExists. A replay is
 * answered only while the caller still covers the action's device: once its device groups no longer do (another
 * token of the same client, or the device moved), the device does not exist for it, as for any other command.
 */
@Component
public class IdempotentCommands {

    /** @param replayed the action is the first request's, not this one's */
    public record Answer(ActionRecord action, boolean replayed) {
    }

    private final IdempotencyKeys keys;
    private final ActionIndex actions;
    private final DeviceGroupIndex groups;

    IdempotentCommands(IdempotencyKeys keys, ActionIndex actions, DeviceGroupIndex groups) {
        this.keys = keys;
        this.actions = actions;
        this.groups = groups;
    }

    /**
     * @param idempotency absent without an {@code Idempotency-Key}: the command is simply sent
     * @param scope       the caller's device groups, which a replayed action's device must be in
     */
    public Answer send(Optional<Idempotency> idempotency, DeviceScope scope, Supplier<ActionRecord> command) {
        if (idempotency.isEmpty()) {
            return new Answer(command.get(), false);
        }
        Idempotency request = idempotency.get();
        Optional<Answer> earlier = replay(request, scope);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Answer(command.get(), false);
        } catch (RuntimeException e) {
            // A concurrent request with the key won: its key insert (IdempotencyKeyTakenException), or its open
            // action that the retried command then met (ActiveRequestAlreadyExists), failed this one. It has
            // committed by now, so its action is the answer; a failure of this request alone stays what it is.
            return replay(request, scope).orElseThrow(() -> e);
        }
    }

    private Optional<Answer> replay(Idempotency request, DeviceScope scope) {
        return keys.find(request.caller(), request.key()).map(entry -> {
            if (!entry.fingerprint().equals(request.fingerprint())) {
                throw new RuleViolationException(ErrorCode.InvalidInput, IdempotencyKeyHeader.NAME + " was used for"
                        + " another request in the last " + describe(keys.retention()) + "; send a new key for a"
                        + " new request.");
            }
            // Stored in one transaction with its key: an action that is missing is a bug, not a 404.
            ActionRecord action = actions.find(entry.actionId()).orElseThrow(() -> new IllegalStateException(
                    "Idempotency key without its action " + entry.actionId()));
            if (!groups.covers(scope, action.deviceId())) {
                // The answer the command itself would give: a cancel names the action, the others the device.
                throw "cancel".equals(request.operation()) ? RuleViolationException.unknownAction(action.actionId())
                        : RuleViolationException.unknownMachine(action.deviceId());
            }
            return new Answer(action, true);
        });
    }

    private static String describe(Duration retention) {
        return retention.toSecondsPart() == 0 && retention.toMinutesPart() == 0 && !retention.isZero()
                ? retention.toHours() + " hours" : retention.toSeconds() + " seconds";
    }
}
