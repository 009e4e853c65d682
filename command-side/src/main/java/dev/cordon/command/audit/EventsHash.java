package dev.cordon.command.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * SHA-256 over stored event rows, chained: a state checkpoint's hash is that of the checkpoint before it followed by
 * the rows between the two, so a checkpoint stands only for the exact events it was folded from. Each field is
 * length-prefixed, so that no two different rows hash alike by their fields running into each other.
 */
final class EventsHash {

    /** The seed of a device's first checkpoint. */
    static final byte[] NONE = new byte[32];

    private final MessageDigest digest;

    EventsHash(byte[] previous) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        digest.update(previous);
    }

    void add(String eventId, long sequence, Instant timestamp, String revision, byte[] payload) {
        field(eventId.getBytes(StandardCharsets.UTF_8));
        digest.update(ByteBuffer.allocate(20).putLong(sequence).putLong(timestamp.getEpochSecond())
                .putInt(timestamp.getNano()).array());
        field(revision == null ? new byte[] {-1} : revision.getBytes(StandardCharsets.UTF_8));
        field(payload);
    }

    /** The hash so far; this instance is spent after it. */
    byte[] value() {
        return digest.digest();
    }

    private void field(byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
