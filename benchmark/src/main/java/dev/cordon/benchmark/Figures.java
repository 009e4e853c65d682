package dev.cordon.benchmark;

/** The table's row names, in one place, for the table and for the smoke test that checks it. */
public final class Figures {

    private Figures() {
    }

    public static String pgbenchAppend(int clients) {
        return "pgbench: one event-sized row per transaction, " + clients + " clients";
    }

    public static String pgbenchCommand(int clients) {
        return "pgbench: a command-shaped transaction, " + clients + " clients";
    }

    public static String ready(Store store) {
        return "launcher start -> ready (services, broker, token service), " + store.label();
    }

    public static String isolate(Store store, int connections) {
        return "isolate commands/s through the base URL, " + store.label() + ", " + connections + " connections";
    }

    public static String visible(Store store, int rate) {
        return "command -> change on /api/changes, " + store.label() + ", open loop " + rate + "/s";
    }
}
