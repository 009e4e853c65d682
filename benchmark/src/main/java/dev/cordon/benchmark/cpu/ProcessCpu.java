package dev.cordon.benchmark.cpu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * CPU per accepted command, by process: every process's utime + stime before and after a phase, the difference
 * summed by role. The launcher's children are found through the launcher (the gateway is the launcher itself);
 * PostgreSQL's share is that of the backends serving Cordon's databases, so other work on the server is not
 * counted. A backend opened during the phase counts from zero, one closed during it is missed.
 */
public final class ProcessCpu {

    public static final String GATEWAY = "gateway";
    public static final String POSTGRESQL = "PostgreSQL";
    private static final long TICKS_PER_SECOND = ProcStat.ticksPerSecond();

    private final ProcessHandle launcher;
    private final String gatewayRole;
    private final Supplier<List<Long>> databaseBackends;

    /**
     * @param gatewayRole      what the launcher's JVM is named in the table: it is the gateway, and with the
     *                         embedded default also the database
     * @param databaseBackends the PostgreSQL backends to count, or none
     */
    public ProcessCpu(ProcessHandle launcher, String gatewayRole, Supplier<List<Long>> databaseBackends) {
        this.launcher = launcher;
        this.gatewayRole = gatewayRole;
        this.databaseBackends = databaseBackends;
    }

    public CpuSnapshot snapshot() {
        Map<Long, CpuSnapshot.Sample> samples = new HashMap<>();
        record(samples, launcher.pid(), gatewayRole);
        launcher.descendants().forEach(child -> record(samples, child.pid(), role(child.pid())));
        for (long backend : databaseBackends.get()) {
            record(samples, backend, POSTGRESQL);
        }
        return new CpuSnapshot(samples);
    }

    /** @return milliseconds of CPU per command, by role, sorted by name */
    public static Map<String, Double> perCommand(CpuSnapshot before, CpuSnapshot after, int commands) {
        Map<String, Double> perRole = new TreeMap<>();
        if (commands <= 0) {
            return perRole;
        }
        after.byPid().forEach((pid, sample) -> {
            CpuSnapshot.Sample earlier = before.byPid().get(pid);
            long used = sample.ticks() - (earlier == null ? 0 : earlier.ticks());
            perRole.merge(sample.role(), used * 1000.0 / TICKS_PER_SECOND / commands, Double::sum);
        });
        return perRole;
    }

    private static void record(Map<Long, CpuSnapshot.Sample> samples, long pid, String role) {
        OptionalLong ticks = ProcStat.cpuTicks(pid);
        if (ticks.isPresent()) {
            samples.put(pid, new CpuSnapshot.Sample(role, ticks.getAsLong()));
        }
    }

    /** By the jar each child runs, as the launcher lays them out in {@code cordon/}. */
    private static String role(long pid) {
        String command = ProcStat.commandLine(pid);
        if (command.contains("command-side.jar")) {
            return "command side";
        }
        if (command.contains("query-side.jar")) {
            return "query side";
        }
        if (command.contains("token-service.jar")) {
            return "token service";
        }
        if (command.contains("kafka")) {
            return "broker";
        }
        return "other";
    }
}
