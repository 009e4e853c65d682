package dev.cordon.query.projection;

/** A record that can never be projected, however often it is retried: it is logged and skipped. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
