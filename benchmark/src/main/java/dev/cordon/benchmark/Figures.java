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

    public static String bulk(Store store, int devices) {
        return "bulk isolation of " + devices + " devices, " + store.label() + ": all accepted / all in the Action center";
    }

    /** Early in the run, or after the bulk (with its thousands of actions still open). */
    public static String agentReports(Store store, boolean early) {
        return "device agent's report (InProgress, Succeeded), " + store.label() + ", "
                + (early ? "early in the run" : "after the bulk, its actions open");
    }

    public static String pgbenchHundredRows() {
        return "pgbench: 100-row transactions, 1 client (rows/s)";
    }

    public static String rebuild(Store store, String source) {
        return "read-model rebuild from " + source + ", " + store.label() + " (events/s, verified)";
    }
}
