package dev.cordon.standalone.disk;

/**
 * The data directory's free space as health tells it.
 *
 * @param directory the data directory
 * @param freeBytes its usable space; -1 before the first look
 * @param message   one plain sentence for a person when not UP, else null
 */
public record DiskReport(Status status, String directory, long freeBytes, String message) {

    public enum Status { UP, DEGRADED, DOWN }

    public boolean down() {
        return status == Status.DOWN;
    }
}
