package dev.cordon.benchmark;

/** The launcher's two database modes. */
public enum Store {
    /** The external PostgreSQL option, on the machine's server at 127.0.0.1:5432. */
    POSTGRESQL("PostgreSQL"),
    /** The default: the embedded H2 server in the launcher's JVM. */
    H2("H2 (embedded default)");

    private final String label;

    Store(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
