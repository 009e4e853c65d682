package dev.cordon.command.idempotency;

import org.springframework.dao.TransientDataAccessException;

/**
 * Another request with the same caller and key stored its action first. The command is rolled back and not
 * retried (AxonConfig); the controller answers the winner's action. Should the winner not be readable yet, this
 * stays what it is: a transient conflict, answered 503 with Retry-After, and the retry replays.
 */
public class IdempotencyKeyTakenException extends TransientDataAccessException {

    public IdempotencyKeyTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
