package dev.cordon.standalone.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories only their owner may read: the launcher's data holds the event store, the broker's log, the
 * logs and the keys. On a file system without POSIX permissions its own permissions apply.
 */
public final class OwnerOnly {

    private static final String FILE = "rw-------";
    private static final String DIRECTORY = "rwx------";

    private OwnerOnly() {
    }

    /** Creates the directory (and its parents) if needed, and narrows it to its owner. */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        narrow(dir);
        return dir;
    }

    /**
     * Creates an empty file that is its owner's from its first moment (for secrets: no instant in which another user
     * could open it).
     */
    public static Path newFile(Path file) throws IOException {
        if (posix(file)) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE)));
        }
        return Files.createFile(file);
    }

    /** Narrows what exists to its owner; a file that does not exist yet is created so. */
    public static void narrow(Path path) throws IOException {
        if (!Files.exists(path)) {
            newFile(path);
        } else if (posix(path)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? DIRECTORY
                    : FILE));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
