package dev.cordon.benchmark.pgbench;

/** The baseline transactions, in src/main/resources/pgbench/. */
public enum Script {
    /** One event-sized row per transaction: the single append. */
    EVENT_APPEND("event-append.sql"),
    /** The lookups, the event, action_index and scheduled-task inserts, and the read back of one isolate. */
    COMMAND_SHAPED("command-shaped.sql"),
    /** One hundred of those rows in one transaction, on one connection: what a rebuild's bulk writes stand beside. */
    HUNDRED_ROWS("hundred-rows.sql");

    private final String resource;

    Script(String resource) {
        this.resource = resource;
    }

    String resource() {
        return resource;
    }
}
