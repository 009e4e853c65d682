package dev.cordon.command.idempotency;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sends a command at most once per caller and idempotency key: a retry is answered with the first request's action
 * as it is now, read from action_index, instead of a second action or ActiveRequestAlreadyExists.
 */
@Component
public class IdempotentCommands {

    /** @param replayed the action is the first request's, not this one's */
    public record Answer(ActionRecord action, boolean replayed) {
    }

    private final IdempotencyKeys keys;
    private final ActionIndex actions;

    IdempotentCommands(IdempotencyKeys keys, ActionIndex actions) {
        this.keys = keys;
        this.actions = actions;
    }

    /** @param idempotency absent without an {@code Idempotency-Key}: the command is simply sent */
    public Answer send(Optional<Idempotency> idempotency, Supplier<ActionRecord> command) {
        if (idempotency.isEmpty()) {
            return new Answer(command.get(), false);
        }
        Idempotency request = idempotency.get();
        Optional<Answer> earlier = replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Answer(command.get(), false);
        } catch (RuntimeException e) {
            // A concurrent request with the key won: its key insert (IdempotencyKeyTakenException), or its open
            // action that the retried command then met (ActiveRequestAlreadyExists), failed this one. It has
            // committed by now, so its action is the answer; a failure of this request alone stays what it is.
            return replay(request).orElseThrow(() -> e);
        }
    }

    private Optional<Answer> replay(Idempotency request) {
        return keys.find(request.caller(), request.key()).map(entry -> {
            if (!entry.fingerprint().equals(request.fingerprint())) {
                throw new RuleViolationException(ErrorCode.InvalidInput, IdempotencyKeyHeader.NAME + " was used for"
                        + " another request in the last " + describe(keys.retention()) + "; send a new key for a"
                        + " new request.");
            }
            // Stored in one transaction with its key: an action that is missing is a bug, not a 404.
            return new Answer(actions.find(entry.actionId()).orElseThrow(() -> new IllegalStateException(
                    "Idempotency key without its action " + entry.actionId())), true);
        });
    }

    private static String describe(Duration retention) {
        return retention.toSecondsPart() == 0 && retention.toMinutesPart() == 0 && !retention.isZero()
                ? retention.toHours() + " hours" : retention.toSeconds() + " seconds";
    }
}
