package dev.cordon.query.projection;

/**
 * A batch's writes found the read models other than its reads had: it rolls back, and its events are applied one
 * by one instead. Never a fault of the records themselves.
 */
public class BatchConflictException extends RuntimeException {

    public BatchConflictException(String message) {
        super(message);
    }
}
