package dev.cordon.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyHeaderTest {

    @Test
    void parse_withoutTheHeader_isNoKey() {
        assertThat(IdempotencyKeyHeader.parse(List.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "8e03978e-40d5-43e8-bc93-6894a57f9324", "\"8e03978e\"", "soar run 8812:~!", "x"})
    void parse_whenPrintableAscii_isTheKeyAsSent(String key) {
        assertThat(IdempotencyKeyHeader.parse(List.of(key))).contains(key);
    }

    @Test
    void parse_whenAt255Characters_isTheKey() {
        assertThat(IdempotencyKeyHeader.parse(List.of("k".repeat(255)))).contains("k".repeat(255));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "tab\there", "nul\u0000", "del\u007f", "caf\u00e9", "emoji\ud83d\ude00",
            "line\nbreak"})
    void parse_whenEmptyBlankOrNotPrintableAscii_isRefusedNamingTheHeader(String key) {
        assertThatThrownBy(() -> IdempotencyKeyHeader.parse(List.of(key)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.InvalidInput);
                    assertThat(e.getMessage()).startsWith("Idempotency-Key ");
                });
    }

    @Test
    void parse_when256Characters_isRefused() {
        assertThatThrownBy(() -> IdempotencyKeyHeader.parse(List.of("k".repeat(256))))
                .hasMessage("Idempotency-Key must be 1 to 255 characters, was 256.");
    }

    @Test
    void parse_whenSentTwice_isRefusedRatherThanOnePicked() {
        assertThatThrownBy(() -> IdempotencyKeyHeader.parse(List.of("a", "a")))
                .hasMessage("Idempotency-Key must be sent once, was sent 2 times.");
    }
}
