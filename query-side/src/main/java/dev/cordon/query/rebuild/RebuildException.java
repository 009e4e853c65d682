package dev.cordon.query.rebuild;

/** A rebuild cannot go on; the message is the failure reason its status reports. */
public class RebuildException extends RuntimeException {

    public RebuildException(String message) {
        super(message);
    }

    public RebuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
