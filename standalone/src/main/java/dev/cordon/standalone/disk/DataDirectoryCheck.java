package dev.cordon.standalone.disk;

import dev.cordon.standalone.startup.StartupFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Before anything is started: a data directory Cordon cannot write to, or without room, is refused at once with
 * one sentence, instead of a child failing a minute later with a stack trace in its own log.
 */
public final class DataDirectoryCheck {

    private DataDirectoryCheck() {
    }

    /** @param data an existing directory */
    public static void atStart(Path data, DiskThresholds thresholds) {
        requireWritable(data);
        DiskReport report = thresholds.assess(data, FreeSpace.of(data));
        if (report.down()) {
            throw new StartupFailedException(report.message(), null);
        }
    }

    /** A probe file, created and deleted: whether the directory is on a read-only mount or not ours to write. */
    static void requireWritable(Path data) {
        try {
            Path probe = Files.createTempFile(data, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StartupFailedException(notWritable(data), null);
        }
    }

    public static String notWritable(Path data) {
        return "The data directory " + data + " is not writable (a read-only file system or no permission); Cordon"
                + " keeps its databases, broker storage and logs there. Make it writable, or choose another with"
                + " CORDON_DATA_DIR.";
    }
}
