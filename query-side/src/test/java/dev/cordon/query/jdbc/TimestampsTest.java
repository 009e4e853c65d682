package dev.cordon.query.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void utc_truncatesToMicrosecondsInUtc() {
        assertThat(Timestamps.utc(Instant.parse("2024-01-01T10:00:00.123456999Z")))
                .isEqualTo(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC));
    }

    @Test
    void utc_whenNull_isNull() {
        assertThat(Timestamps.utc(null)).isNull();
    }
}
