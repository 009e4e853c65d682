package dev.cordon.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    @Test
    void sanitise_whenHeaderClean_keepsIt() {
        assertThat(CorrelationIds.sanitise("req-123_abc.def:9")).isEqualTo("req-123_abc.def:9");
    }

    @Test
    void sanitise_whenHeaderHasControlOrMarkupCharacters_dropsThem() {
        assertThat(CorrelationIds.sanitise("abc\r\nFAKE LOG <script>")).isEqualTo("abcFAKELOGscript");
    }

    @Test
    void sanitise_whenHeaderTooLong_truncatesTo100() {
        assertThat(CorrelationIds.sanitise("x".repeat(500))).hasSize(100);
    }

    @Test
    void sanitise_whenHeaderMissingOrNothingUsable_makesUuid() {
        assertThat(UUID.fromString(CorrelationIds.sanitise(null))).isNotNull();
        assertThat(UUID.fromString(CorrelationIds.sanitise("<>\"'"))).isNotNull();
    }
}
