package dev.cordon.standalone.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DiskWatchTest {

    private static final long MB = 1024 * 1024;
    private final AtomicLong free = new AtomicLong(2048 * MB);
    private final DiskWatch watch = new DiskWatch(Path.of("/data"),
            new DiskThresholds(DataSize.ofMegabytes(1024), DataSize.ofMegabytes(256)), directory -> free.get());

    @Test
    void commands_areRefusedOnlyWhileTheDiskIsDown_andAgainAcceptedOnceThereIsRoom() {
        assertThat(watch.check().status()).isEqualTo(DiskReport.Status.UP);
        assertThat(watch.refusal()).isNull();

        free.set(500 * MB);
        assertThat(watch.check().status()).isEqualTo(DiskReport.Status.DEGRADED);
        assertThat(watch.refusal()).isNull();

        free.set(80 * MB);
        assertThat(watch.check().status()).isEqualTo(DiskReport.Status.DOWN);
        assertThat(watch.refusal()).startsWith("The data directory /data has 80 MB free");

        free.set(2048 * MB);
        assertThat(watch.check().status()).isEqualTo(DiskReport.Status.UP);
        assertThat(watch.report().freeBytes()).isEqualTo(2048 * MB);
        assertThat(watch.refusal()).isNull();
    }
}
