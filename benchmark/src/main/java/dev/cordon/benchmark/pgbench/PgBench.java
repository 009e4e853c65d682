package dev.cordon.benchmark.pgbench;

import dev.cordon.benchmark.postgres.LocalPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baselines: pgbench against a database of its own on the same server, with the command side's table shapes
 * and the server's own fsync and commit settings, so that a Cordon figure can be read as a share of what the
 * database allows on this machine.
 */
public final class PgBench implements AutoCloseable {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final List<String> CANDIDATES = List.of("/usr/bin/pgbench", "/usr/lib/postgresql/17/bin/pgbench",
            "/usr/lib/postgresql/16/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench");

    private final LocalPostgres postgres;
    private final String database;
    private final Path scripts;
    private final String executable;

    private PgBench(LocalPostgres postgres, String database, Path scripts, String executable) {
        this.postgres = postgres;
        this.database = database;
        this.scripts = scripts;
        this.executable = executable;
    }

    /** Creates the baseline's database with the event store's tables and a registered device population. */
    /**
     * The command side's own migrations of the tables a command writes (the event store, db-scheduler's tasks,
     * action_index), from its jar: the baselines pay for the same indexes and constraints, and follow them when a
     * migration changes.
     */
    private static final List<String> EVENT_STORE_MIGRATIONS = List.of("V1__event_store.sql",
            "V2__scheduled_tasks.sql", "V3__action_index.sql");

    public static PgBench prepare(LocalPostgres postgres, String database, Path workDirectory) {
        String executable = CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException("pgbench was not found (apt-get install"
                        + " postgresql-client or postgresql-contrib)"));
        Path scripts = workDirectory.resolve("pgbench");
        try {
            Files.createDirectories(scripts);
            for (Script script : Script.values()) {
                copy("/pgbench/" + script.resource(), scripts.resolve(script.resource()));
            }
            for (String migration : EVENT_STORE_MIGRATIONS) {
                copy("/db/migration/postgresql/" + migration, scripts.resolve(migration));
            }
            copy("/pgbench/seed.sql", scripts.resolve("seed.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.recreateDatabase(database);
        for (String migration : EVENT_STORE_MIGRATIONS) {
            postgres.runScript(database, scripts.resolve(migration));
        }
        postgres.runScript(database, scripts.resolve("seed.sql"));
        return new PgBench(postgres, database, scripts, executable);
    }

    /** @return transactions per second, as pgbench counts them without its connection set-up */
    public double run(Script script, int clients, Duration duration) {
        List<String> command = List.of(executable, "-h", postgres.host(), "-p", Integer.toString(postgres.port()),
                "-U", postgres.user(), "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T", Long.toString(Math.max(1, duration.toSeconds())), "-f",
                scripts.resolve(script.resource()).toString(), database);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = PgBench.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            Files.write(target, in.readAllBytes());
        }
    }

    @Override
    public void close() {
        postgres.dropDatabase(database);
    }
}
