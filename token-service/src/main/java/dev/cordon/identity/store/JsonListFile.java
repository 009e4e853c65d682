package dev.cordon.identity.store;

import com.fasterxml.jackson.databind.JavaType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A list of records in one owner-only JSON file that the running token service and the command line share: a change
 * made by one is read by the other at its next look (the file's version is checked on every read), and writers take
 * a lock so that two changes never lose one. The clients file and the users file are each one of these.
 */
public final class JsonListFile<E> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Path lock;
    private final JavaType type;
    private List<E> entries = List.of();
    private FileVersion loadedVersion;

    /** @param name the file's name in {@code directory}; its lock is beside it */
    public JsonListFile(Path directory, String name, Class<E> entryType) {
        OwnerOnlyFiles.directory(directory);
        this.file = directory.resolve(name + ".json");
        this.lock = OwnerOnlyFiles.createIfMissing(directory.resolve(name + ".lock"));
        this.type = JSON.getTypeFactory().constructCollectionType(List.class, entryType);
    }

    public synchronized List<E> all() {
        reloadIfChanged();
        return entries;
    }

    /**
     * Adds {@code entry}, unless an entry on disk now clashes with it (a name taken).
     *
     * @throws IllegalArgumentException with {@code clashMessage}, and nothing written, if one does
     */
    public void add(E entry, Predicate<E> clashes, String clashMessage) {
        change(current -> {
            if (current.stream().anyMatch(clashes)) {
                throw new IllegalArgumentException(clashMessage);
            }
            List<E> next = new ArrayList<>(current);
            next.add(entry);
            return next;
        });
    }

    /** @return whether there was an entry to remove */
    public boolean removeIf(Predicate<E> which) {
        boolean[] removed = {false};
        change(current -> {
            List<E> next = new ArrayList<>(current);
            removed[0] = next.removeIf(which);
            return next;
        });
        return removed[0];
    }

    /** Applies {@code change} to what is on disk now, under the lock, and writes the result. */
    private synchronized void change(UnaryOperator<List<E>> change) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            loadedVersion = null; // read what is on disk now, not what was cached
            reloadIfChanged();
            List<E> next = change.apply(entries);
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
                entries = List.copyOf(JSON.<List<E>>readValue(file.toFile(), type));
                loadedVersion = version;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
