package dev.cordon.benchmark;

import java.util.Map;

/** The launcher's two database modes, and PostgreSQL once more with the services' former JVM options. */
public enum Store {
    /** The external PostgreSQL option, on the machine's server at 127.0.0.1:5432. */
    POSTGRESQL("PostgreSQL", true, true, Map.of()),
    /**
     * {@code --jvm-compare}: the same with the services and the broker on the client compiler only, the launcher's
     * default before issue 15; closed loop only, so that the comparison costs a launcher start and a minute.
     */
    POSTGRESQL_C1("PostgreSQL, services and broker with C1 only", true, false, Map.of(
            "CORDON_JAVA_OPTIONS", Jvm.C1_ONLY, "CORDON_KAFKA_JAVA_OPTIONS", Jvm.C1_ONLY)),
    /** The default: the embedded H2 server in the launcher's JVM. */
    H2("H2 (embedded default)", false, true, Map.of());

    private final String label;
    private final boolean postgres;
    private final boolean openLoop;
    private final Map<String, String> environment;

    Store(String label, boolean postgres, boolean openLoop, Map<String, String> environment) {
        this.label = label;
        this.postgres = postgres;
        this.openLoop = openLoop;
        this.environment = environment;
    }

    public String label() {
        return label;
    }

    /** Whether the launcher runs on the external PostgreSQL (else on its embedded H2). */
    public boolean postgres() {
        return postgres;
    }

    /** Whether the open-loop (command to read model) rows are measured on it, besides the closed loop. */
    public boolean openLoop() {
        return openLoop;
    }

    /** The launcher's environment for this mode, on top of the benchmark's own. */
    public Map<String, String> environment() {
        return environment;
    }

    /** JVM options, as the launcher takes them (comma-separated). */
    static final class Jvm {
        static final String C1_ONLY = "-Xmx512m,-XX:+UseSerialGC,-XX:TieredStopAtLevel=1";

        private Jvm() {
        }
    }
}
