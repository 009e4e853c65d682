package dev.cordon.identity.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The built-in token service's tenant id: the {@code {tenant}} of the Entra-ID-shaped URLs clients are configured with
 * ({@code /{tenant}/oauth2/token}), and part of the issuer. A GUID made on first use, as Entra ID's are, and kept.
 */
public final class TenantId {

    private TenantId() {
    }

    public static String of(Path directory) {
        Path file = OwnerOnlyFiles.directory(directory).resolve("tenant-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = UUID.randomUUID().toString();
            OwnerOnlyFiles.write(file, id.getBytes(StandardCharsets.UTF_8));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
