package dev.cordon.standalone.disk;

import java.nio.file.Path;
import org.springframework.util.unit.DataSize;

/**
 * Free space below {@code degradedBelow} is a warning, below {@code downBelow} a fault: the databases and the broker
 * fail (and may be damaged) when a write finds no room, so Cordon stops taking commands before that.
 */
public record DiskThresholds(DataSize degradedBelow, DataSize downBelow) {

    public DiskThresholds {
        if (downBelow.compareTo(degradedBelow) > 0) {
            throw new IllegalArgumentException("cordon.standalone.disk.down-below (" + downBelow
                    + ") must not be above degraded-below (" + degradedBelow + ")");
        }
    }

    public DiskReport assess(Path directory, long freeBytes) {
        String free = "The data directory " + directory + " has " + megabytes(freeBytes) + " free; ";
        if (freeBytes < downBelow.toBytes()) {
            return new DiskReport(DiskReport.Status.DOWN, directory.toString(), freeBytes,
                    free + "Cordon needs at least " + megabytes(downBelow.toBytes())
                            + " to accept commands. Free space there.");
        }
        if (freeBytes < degradedBelow.toBytes()) {
            return new DiskReport(DiskReport.Status.DEGRADED, directory.toString(), freeBytes, free + "below "
                    + megabytes(downBelow.toBytes()) + " Cordon stops accepting commands. Free space there.");
        }
        return new DiskReport(DiskReport.Status.UP, directory.toString(), freeBytes, null);
    }

    private static String megabytes(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }
}
