package dev.cordon.standalone.startup;

import dev.cordon.events.kafka.RecordSignature;
import dev.cordon.standalone.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key the standalone mode's command side signs the topic's records with (and its query side checks them by): made
 * on first start, kept owner-only in the data directory, the same on every start, so records already on the topic
 * still verify when the read models are rebuilt from it.
 */
public final class RecordSigningKey {

    static final String FILE = "kafka-signing-key";

    private RecordSigningKey() {
    }

    public static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String key = RecordSignature.newKey("standalone-1");
            Path temp = dataDir.resolve(FILE + ".tmp");
            Files.deleteIfExists(temp);
            OwnerOnly.newFile(temp);
            Files.writeString(temp, key, StandardCharsets.UTF_8);
            Files.move(temp, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the record signing key in " + file, e);
        }
    }
}
