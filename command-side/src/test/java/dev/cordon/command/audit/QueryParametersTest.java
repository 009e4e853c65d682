package dev.cordon.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class QueryParametersTest {

    private static QueryParameters of(String... namesAndValues) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return QueryParameters.of(query, Set.of("from", "to", "machineId"));
    }

    private static void rejected(Runnable call, ErrorCode code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.code()).isEqualTo(code)).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-02T09:15:00Z, 2026-03-02T09:15:00Z",
            "2026-03-02T09:15:00.123456789Z, 2026-03-02T09:15:00.123456789Z",
            "2026-03-02T10:15:00+01:00, 2026-03-02T09:15:00Z",
            "2026-03-02t09:15:00z, 2026-03-02T09:15:00Z"})
    void instant_withAnOffset_isThatInstant(String given, String expected) {
        assertThat(of("from", given).instant("from")).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T09:15:00", "2026-03-02", "yesterday", "1709370900", "",
            "2026-03-02T25:00:00Z", "+12026-03-02T09:15:00Z"})
    void instant_withoutAnOffsetOrMalformed_isInvalidInput(String given) {
        rejected(() -> of("from", given).instant("from"), ErrorCode.InvalidInput, "'from' must be");
    }

    @Test
    void instant_whoseOffsetsPlusWasNotEncoded_saysHow() {
        rejected(() -> of("to", "2026-03-02T10:15:00 01:00").instant("to"), ErrorCode.InvalidInput, "%2B");
    }

    @Test
    void requiredInstant_whenMissing_isMissingRequiredParameter() {
        rejected(() -> of().requiredInstant("from"), ErrorCode.MissingRequiredParameter, "'from' is required");
    }

    @Test
    void unknownOrMiscasedParameter_isRejectedNotIgnored() {
        rejected(() -> of("form", "2026-03-02T09:15:00Z"), ErrorCode.InvalidInput, "Unknown query parameter 'form'");
        rejected(() -> of("MachineId", "abc"), ErrorCode.InvalidInput, "from, machineId, to");
    }

    @Test
    void repeatedParameter_isRejected() {
        rejected(() -> of("from", "2026-03-02T09:15:00Z", "from", "2026-03-03T09:15:00Z"), ErrorCode.InvalidInput,
                "more than once");
    }
}
