package dev.cordon.standalone.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DiskThresholdsTest {

    private static final long MB = 1024 * 1024;
    private final DiskThresholds thresholds = new DiskThresholds(DataSize.ofGigabytes(1), DataSize.ofMegabytes(256));
    private final Path data = Path.of("/srv/cordon/data");

    @Test
    void assess_aboveBoth_isUp() {
        assertThat(thresholds.assess(data, 2048 * MB))
                .isEqualTo(new DiskReport(DiskReport.Status.UP, "/srv/cordon/data", 2048 * MB, null));
        assertThat(thresholds.assess(data, 1024 * MB).status()).isEqualTo(DiskReport.Status.UP);
    }

    @Test
    void assess_belowTheDegradedThreshold_isDegraded_sayingWhenCommandsStop() {
        DiskReport report = thresholds.assess(data, 1024 * MB - 1);

        assertThat(report.status()).isEqualTo(DiskReport.Status.DEGRADED);
        assertThat(report.message()).isEqualTo("The data directory /srv/cordon/data has 1023 MB free; below 256 MB"
                + " Cordon stops accepting commands. Free space there.");
    }

    @Test
    void assess_belowTheDownThreshold_isDown_namingTheDirectoryAndTheSpaceNeeded() {
        DiskReport report = thresholds.assess(data, 80 * MB);

        assertThat(report.down()).isTrue();
        assertThat(report.message()).isEqualTo("The data directory /srv/cordon/data has 80 MB free; Cordon needs at"
                + " least 256 MB to accept commands. Free space there.");
        assertThat(thresholds.assess(data, 256 * MB).status()).isEqualTo(DiskReport.Status.DEGRADED);
    }

    @Test
    void aDownThresholdAboveTheDegradedOne_isRefused() {
        assertThatThrownBy(() -> new DiskThresholds(DataSize.ofMegabytes(100), DataSize.ofMegabytes(200)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("down-below");
    }
}
