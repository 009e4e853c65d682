package dev.cordon.standalone.disk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.standalone.startup.StartupFailedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class DataDirectoryCheckTest {

    @TempDir
    Path data;

    @Test
    void aDirectoryWithRoom_passes() {
        assertThatCode(() -> DataDirectoryCheck.atStart(data,
                new DiskThresholds(DataSize.ofBytes(2), DataSize.ofBytes(1)))).doesNotThrowAnyException();
    }

    /** Thresholds above any disk's free space stand in for a full one. */
    @Test
    void aDirectoryWithoutRoom_isRefusedWithOneSentence() {
        DataSize more = DataSize.ofTerabytes(1_000_000);

        assertThatThrownBy(() -> DataDirectoryCheck.atStart(data, new DiskThresholds(more, more)))
                .isInstanceOf(StartupFailedException.class)
                .hasMessageStartingWith("The data directory " + data + " has ")
                .hasMessageEndingWith(" to accept commands. Free space there.");
    }

    @Test
    void aDirectoryThatCannotBeWritten_isRefusedWithOneSentence() {
        Path gone = data.resolve("not-there");

        assertThatThrownBy(() -> DataDirectoryCheck.requireWritable(gone))
                .isInstanceOf(StartupFailedException.class)
                .hasMessage(DataDirectoryCheck.notWritable(gone));
    }
}
