package dev.cordon.benchmark.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void perCommand_sumsTheDifferenceByRole_andCountsANewProcessFromZero() {
        CpuSnapshot before = new CpuSnapshot(Map.of(1L, new CpuSnapshot.Sample("command side", 100),
                2L, new CpuSnapshot.Sample("PostgreSQL", 10)));
        CpuSnapshot after = new CpuSnapshot(Map.of(1L, new CpuSnapshot.Sample("command side", 300),
                2L, new CpuSnapshot.Sample("PostgreSQL", 30), 3L, new CpuSnapshot.Sample("PostgreSQL", 20)));
        long ticks = ProcStat.ticksPerSecond();

        Map<String, Double> perCommand = ProcessCpu.perCommand(before, after, 100);

        assertThat(perCommand.get("command side")).isCloseTo(200 * 1000.0 / ticks / 100, within(1e-9));
        assertThat(perCommand.get("PostgreSQL")).isCloseTo(40 * 1000.0 / ticks / 100, within(1e-9));
    }

    @Test
    void snapshot_findsThisJvm_withSomeCpuUsed() {
        ProcessCpu cpu = new ProcessCpu(ProcessHandle.current(), ProcessCpu.GATEWAY, List::of);

        CpuSnapshot snapshot = cpu.snapshot();

        assertThat(snapshot.byPid().get(ProcessHandle.current().pid()).role()).isEqualTo(ProcessCpu.GATEWAY);
        assertThat(snapshot.byPid().get(ProcessHandle.current().pid()).ticks()).isPositive();
    }
}
