package dev.cordon.identity.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The clients of the built-in token service, in one owner-only JSON file shared by the running token service and the
 * {@code clients} command line ({@link JsonListFile}). Secrets are generated here, shown once, and stored only as a
 * bcrypt hash (Spring Security's encoder).
 */
public final class ClientRegistry {

    private static final int SECRET_BYTES = 32;

    private final JsonListFile<ClientEntry> file;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ClientRegistry(Path directory, Clock clock) {
        this.file = new JsonListFile<>(directory, "clients", ClientEntry.class);
        this.encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        this.clock = clock;
    }

    /** The encoder the stored hashes are checked with. */
    public PasswordEncoder encoder() {
        return encoder;
    }

    public List<ClientEntry> all() {
        return file.all();
    }

    public Optional<ClientEntry> byClientId(String clientId) {
        return all().stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public Optional<ClientEntry> byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * @param machineId for a device agent's client, the machine it speaks for; else null
     * @throws IllegalArgumentException if a client of that name exists
     */
    public NewClient add(String name, Collection<String> permissions, String machineId) {
        return add(UUID.randomUUID().toString(), name, permissions, List.of(), machineId);
    }

    /**
     * @param clientId     the id it is given (a GUID, except for Cordon's own well-known clients)
     * @param deviceGroups the device groups its tokens are limited to; empty: every group
     * @throws IllegalArgumentException if a client of that name or id exists
     */
    public NewClient add(String clientId, String name, Collection<String> permissions,
                         Collection<String> deviceGroups, String machineId) {
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ClientEntry entry = new ClientEntry(clientId, name, encoder.encode(secret), List.copyOf(permissions),
                machineId, clock.instant(), List.copyOf(deviceGroups));
        file.add(entry, c -> c.name().equals(name) || c.clientId().equals(clientId),
                "A client named '" + name + "' exists already");
        return new NewClient(entry, secret);
    }

    /** @return whether a client of that name or client id was there */
    public boolean remove(String nameOrClientId) {
        return file.removeIf(c -> c.name().equals(nameOrClientId) || c.clientId().equals(nameOrClientId));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }
}
