package dev.cordon.service.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs from a cryptographically strong generator, as {@link UUID#randomUUID()} gives them, but
 * without its one shared generator: every id of a request (its server id, the action id, Axon's message and event
 * ids) went through that generator's lock, and under load the request threads queued on it (seconds of monitor waits
 * per 20 s of benchmark). Each thread has a DRBG of its own, seeded from the system's entropy like the shared one;
 * ids stay unguessable, which matters for the action ids callers use as handles.
 */
public final class RandomUuids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomUuids::newGenerator);

    private RandomUuids() {
    }

    /** A new random UUID, as {@link UUID#randomUUID()} would give. */
    public static UUID next() {
        byte[] bytes = new byte[16];
        generator().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    /** {@link #next()} in its usual text form, e.g. {@code 1b4e28ba-2fa1-41d2-883f-0016d3cca427}. */
    public static String nextString() {
        return next().toString();
    }

    /** This thread's generator. */
    static SecureRandom generator() {
        return RANDOM.get();
    }

    private static SecureRandom newGenerator() {
        try {
            // DRBG instances lock only themselves; the default NativePRNG shares one lock across all its instances.
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no DRBG SecureRandom", e);
        }
    }
}
