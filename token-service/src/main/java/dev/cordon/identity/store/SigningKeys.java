package dev.cordon.identity.store;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The token service's RSA signing keys, generated on first use (Nimbus' generator), kept in one owner-only JWK set
 * file and published, public halves only, on the JWKS endpoint. One key signs: the newest without an expiry. A
 * rotation makes a new key the signing one and gives the old one an expiry one token lifetime (and a margin) away, so
 * tokens it signed stay valid until they expire; expired keys are dropped at the next load.
 */
public final class SigningKeys {

    /** Longer than any clock skew a resource server allows. */
    static final Duration RETIREMENT_MARGIN = Duration.ofMinutes(5);

    private final Path file;
    private final Clock clock;
    private JWKSet keys;
    private FileVersion loadedVersion;

    public SigningKeys(Path directory, Clock clock) {
        OwnerOnlyFiles.directory(directory);
        this.file = directory.resolve("signing-keys.json");
        this.clock = clock;
    }

    /** Every key that is still valid, the signing one first, private halves included. */
    public synchronized JWKSet all() {
        load();
        return keys;
    }

    /** The key new tokens are signed with. */
    public synchronized RSAKey signing() {
        load();
        return keys.getKeys().get(0).toRSAKey();
    }

    /**
     * A new signing key; the previous ones stay published until {@code tokenLifetime} (and a margin) from now.
     *
     * @return the new key's id
     */
    public synchronized String rotate(Duration tokenLifetime) {
        load();
        Date retiredUntil = Date.from(clock.instant().plus(tokenLifetime).plus(RETIREMENT_MARGIN));
        List<JWK> next = new ArrayList<>();
        RSAKey fresh = generate();
        next.add(fresh);
        for (JWK key : keys.getKeys()) {
            next.add(key.getExpirationTime() != null ? key
                    : new RSAKey.Builder(key.toRSAKey()).expirationTime(retiredUntil).build());
        }
        save(new JWKSet(next));
        return fresh.getKeyID();
    }

    private void load() {
        try {
            if (!Files.exists(file)) {
                save(new JWKSet(generate()));
                return;
            }
            FileVersion version = FileVersion.of(file);
            if (version.equals(loadedVersion)) {
                return;
            }
            JWKSet stored = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            Instant now = clock.instant();
            List<JWK> valid = new ArrayList<>(stored.getKeys().stream()
                    .filter(k -> k.getExpirationTime() == null || k.getExpirationTime().toInstant().isAfter(now))
                    .toList());
            // The signing key first: no expiry, then the newest.
            valid.sort(Comparator.comparing((JWK k) -> k.getExpirationTime() != null)
                    .thenComparing(k -> k.getIssueTime() == null ? Instant.EPOCH : k.getIssueTime().toInstant(),
                            Comparator.reverseOrder()));
            if (valid.isEmpty() || valid.get(0).getExpirationTime() != null) {
                valid.add(0, generate());
                save(new JWKSet(valid));
                return;
            }
            keys = new JWKSet(valid);
            loadedVersion = version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK set; restore it from a backup or remove it (every"
                    + " token signed with its keys then stops working)", e);
        }
    }

    private void save(JWKSet next) {
        OwnerOnlyFiles.write(file, next.toString(false).getBytes(StandardCharsets.UTF_8));
        keys = next;
        try {
            loadedVersion = FileVersion.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).issueTime(Date.from(clock.instant())).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }
}
