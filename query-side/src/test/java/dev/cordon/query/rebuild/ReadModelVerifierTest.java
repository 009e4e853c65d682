package dev.cordon.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelVerifierTest {

    @Test
    void canonical_givesOneFormForAnInstantWhateverTheDriverReturns() {
        Instant instant = Instant.parse("2024-01-01T00:00:10.123456Z");
        assertThat(ReadModelVerifier.canonical(Timestamp.from(instant))).isEqualTo("2024-01-01T00:00:10.123456Z");
        assertThat(ReadModelVerifier.canonical(instant.atOffset(ZoneOffset.ofHours(2))))
                .isEqualTo("2024-01-01T00:00:10.123456Z");
        assertThat(ReadModelVerifier.canonical(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)))
                .isEqualTo("2024-01-01T00:00:10.123456Z");
        assertThat(ReadModelVerifier.canonical(null)).isNull();
        assertThat(ReadModelVerifier.canonical(42L)).isEqualTo("42");
    }

    /** Keys are merged in the order PostgreSQL's "C" collation sorts them: UTF-8 bytes, i.e. code points. */
    @Test
    void compareCodePoints_sortsAsUtf8Bytes() {
        List<String> keys = Arrays.asList("b", "a", "ab", "\uFFFD", "\uD83D\uDE00", "A", "");
        keys.sort(ReadModelVerifier::compareCodePoints);
        List<String> byBytes = Arrays.asList("b", "a", "ab", "\uFFFD", "\uD83D\uDE00", "A", "");
        byBytes.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        assertThat(keys).isEqualTo(byBytes).containsExactly("", "A", "a", "ab", "b", "\uFFFD", "\uD83D\uDE00");
    }
}
