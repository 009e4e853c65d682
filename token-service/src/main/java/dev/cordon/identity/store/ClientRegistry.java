package dev.cordon.identity.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The clients of the built-in token service, in one owner-only JSON file. The running token service and the
 * {@code clients} command line share it: a change made by one is read by the other at its next look (the file's
 * modification time is checked on every read), and writers take a lock so that two changes never lose one.
 * Secrets are generated here, shown once, and stored only as a bcrypt hash (Spring Security's encoder).
 */
public final class ClientRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<ClientEntry>> ENTRIES = new TypeReference<>() {
    };
    private static final int SECRET_BYTES = 32;

    private final Path file;
    private final Path lock;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private List<ClientEntry> entries = List.of();
    private FileVersion loadedVersion;

    public ClientRegistry(Path directory, Clock clock) {
        OwnerOnlyFiles.directory(directory);
        this.file = directory.resolve("clients.json");
        this.lock = OwnerOnlyFiles.createIfMissing(directory.resolve("clients.lock"));
        this.encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        this.clock = clock;
    }

    /** The encoder the stored hashes are checked with. */
    public PasswordEncoder encoder() {
        return encoder;
    }

    public synchronized List<ClientEntry> all() {
        reloadIfChanged();
        return entries;
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
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ClientEntry entry = new ClientEntry(UUID.randomUUID().toString(), name, encoder.encode(secret),
                List.copyOf(permissions), machineId, clock.instant());
        change(current -> {
            if (current.stream().anyMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("A client named '" + name + "' exists already");
            }
            List<ClientEntry> next = new ArrayList<>(current);
            next.add(entry);
            return next;
        });
        return new NewClient(entry, secret);
    }

    /** @return whether a client of that name or client id was there */
    public boolean remove(String nameOrClientId) {
        boolean[] removed = {false};
        change(current -> {
            List<ClientEntry> next = new ArrayList<>(current);
            removed[0] = next.removeIf(c -> c.name().equals(nameOrClientId) || c.clientId().equals(nameOrClientId));
            return next;
        });
        return removed[0];
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    private synchronized void change(UnaryOperator<List<ClientEntry>> change) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            loadedVersion = null; // read what is on disk now, not what was cached
            reloadIfChanged();
            List<ClientEntry> next = change.apply(entries);
            OwnerOnlyFiles.write(file, JSON.writeValueAsBytes(next));
            entries = List.copyOf(next);
            loadedVersion = FileVersion.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change " + file, e);
        }
    }

    private void reloadIfChanged() {
        try {
            if (!Files.exists(file)) {
                entries = List.of();
                loadedVersion = null;
                return;
            }
            FileVersion version = FileVersion.of(file);
            if (!version.equals(loadedVersion)) {
                entries = List.copyOf(JSON.readValue(file.toFile(), ENTRIES));
                loadedVersion = version;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
