package dev.cordon.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke, as {@code ./cordon.sh bench --smoke} runs it, so that no phase rots unnoticed. Only that it
 * ran: every row printed, every command accepted; its figures come from tiny loads and are asserted nothing of.
 * PostgreSQL only: a second launcher start for the embedded default would double its minute or two in CI, and
 * the benchmark runs that store through the same code with another environment.
 */
class BenchmarkSmokeIT {

    @Test
    void smoke_printsEveryRowOfTheTable_withoutErrors() throws IOException, InterruptedException {
        Path output = Files.createTempFile("cordon-bench-smoke-", ".out");
        Process benchmark = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dcordon.standalone.jar=" + System.getProperty("cordon.standalone.jar"),
                "-jar", System.getProperty("cordon.benchmark.jar"), "--smoke", "--no-h2")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean exited = benchmark.waitFor(10, TimeUnit.MINUTES);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exited).as("the smoke ended:\n%s", printed).isTrue();
            assertThat(printed).contains("| figure | result (median) |");
            for (String figure : Plan.smoke(false, false).figures()) {
                assertThat(printed).as("row %s", figure).contains("| " + figure + " | ");
            }
            assertThat(printed).contains("no errors");
            assertThat(benchmark.exitValue()).as(printed).isZero();
        } finally {
            // By PID, children first: the launcher the benchmark started, and its services.
            List<ProcessHandle> started = benchmark.descendants().toList();
            started.forEach(ProcessHandle::destroyForcibly);
            benchmark.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
