package dev.cordon.benchmark.pgbench;

/** The two baseline transactions, in src/main/resources/pgbench/. */
public enum Script {
    /** One event-sized row per transaction: the single append. */
    EVENT_APPEND("event-append.sql"),
    /** The lookups, the event, action_index and scheduled-task inserts, and the read back of one isolate. */
    COMMAND_SHAPED("command-shaped.sql");

    private final String resource;

    Script(String resource) {
        this.resource = resource;
    }

    String resource() {
        return resource;
    }
}
