package dev.cordon.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;

/**
 * One request's claim on an idempotency key. It travels as command metadata only: the correlation data provider
 * does not copy it onto the events, which are kept forever while a key lives for a day.
 *
 * @param caller      CallerIdentity.key() of the token, never a value of the request
 * @param key         the {@code Idempotency-Key} as sent
 * @param operation   isolate, release or cancel
 * @param fingerprint SHA-256 (hex) of the operation and the request's fields as normalised
 */
public record Idempotency(String caller, String key, String operation, String fingerprint) {

    static final String CALLER = "idempotencyCaller";
    static final String KEY = "idempotencyKey";
    static final String OPERATION = "idempotencyOperation";
    static final String FINGERPRINT = "idempotencyFingerprint";

    /**
     * @param fields the request as the command takes it (the real machine id, not an alias; defaults applied), so
     *               that two requests meaning the same thing match
     */
    public static Idempotency of(String caller, String key, String operation, String... fields) {
        StringBuilder canonical = new StringBuilder(operation);
        // Length-prefixed: no field value can make two different requests read alike.
        for (String field : fields) {
            canonical.append(field == null ? "|-" : "|" + field.length() + ":" + field);
        }
        return new Idempotency(caller, key, operation, sha256(canonical.toString()));
    }

    public Map<String, Object> metaData() {
        return Map.of(CALLER, caller, KEY, key, OPERATION, operation, FINGERPRINT, fingerprint);
    }

    static Optional<Idempotency> from(MetaData metaData) {
        if (!(metaData.get(KEY) instanceof String key)) {
            return Optional.empty();
        }
        return Optional.of(new Idempotency((String) metaData.get(CALLER), key, (String) metaData.get(OPERATION),
                (String) metaData.get(FINGERPRINT)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
