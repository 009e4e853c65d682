package dev.cordon.events.upcast;

/** Event JSON that cannot be brought to the current revision: unknown revision, or content an upcaster cannot read. */
public class UpcastException extends RuntimeException {

    public UpcastException(String message) {
        super(message);
    }
}
