package dev.cordon.events.kafka;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a record on the topic was produced by the command side: an HMAC-SHA256 (the JDK's) over the record's key
 * and value, with a key only the two services hold, in the {@value #HEADER} header as {@code keyId:base64}. The query
 * side projects nothing that fails it, so whoever can write to the topic still cannot make a read model say what the
 * event store does not.
 *
 * <p>Keys are configured as {@code id:base64key[,id:base64key...]}: the first signs, every one verifies, which is how
 * a key is rotated (add the new one second on both sides, then move it first on the command side, then drop the old
 * one once no record signed with it will be read again).
 */
public final class RecordSignature {

    public static final String HEADER = "cordon-signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final String signingId;

    /** @param configured {@code id:base64key[,id:base64key...]} */
    public RecordSignature(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("No record signing key is set (cordon.kafka.signing-keys,"
                    + " CORDON_KAFKA_SIGNING_KEYS): both services need the same id:base64key (see docs/security.md)");
        }
        for (String entry : configured.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                // Without an id, the entry may be the secret itself: it is not repeated.
                throw new IllegalArgumentException("A record signing key is id:base64key; one of those given is not");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Record signing key " + trimmed.substring(0, colon)
                        + " is not base64");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("Record signing key " + trimmed.substring(0, colon) + " has "
                        + key.length + " bytes; at least " + MIN_KEY_BYTES + " are needed");
            }
            keys.put(trimmed.substring(0, colon), key);
        }
        signingId = keys.keySet().iterator().next();
    }

    /** A new random key, as configured: {@code id:base64key}. */
    public static String newKey(String id) {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** The header value for a record with this key and value. */
    public String sign(String recordKey, String value) {
        return signingId + ":" + Base64.getEncoder().encodeToString(mac(keys.get(signingId), recordKey, value));
    }

    /** @return whether {@code header} is a signature of this key and value by one of the configured keys */
    public boolean verify(String recordKey, String value, String header) {
        if (header == null || value == null) {
            return false;
        }
        int colon = header.indexOf(':');
        byte[] key = colon <= 0 ? null : keys.get(header.substring(0, colon));
        if (key == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(key, recordKey, value));
    }

    /** The key and the value, separated by a byte neither contains in a JSON value (a CloudEvent). */
    private static byte[] mac(byte[] key, String recordKey, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((recordKey == null ? "" : recordKey).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
