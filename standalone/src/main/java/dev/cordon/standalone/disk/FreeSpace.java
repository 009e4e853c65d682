package dev.cordon.standalone.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The space a non-root user could still write in a directory's file system. */
final class FreeSpace {

    private FreeSpace() {
    }

    /**
     * @param directory the data directory, or one still to be created (its nearest existing parent is asked)
     * @return the usable bytes, or 0 when the file system cannot be asked (gone, unmounted): treated as full
     */
    static long of(Path directory) {
        Path existing = directory.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
