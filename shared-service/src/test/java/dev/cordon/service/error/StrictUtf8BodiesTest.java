package dev.cordon.service.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.events.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8BodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"Comment\":\"plain\"}", "{\"Comment\":\"\u05e9\u05dc\u05d5\u05dd \ud83d\udd12 \u00e9\"}", ""})
    void validUtf8_passes(String body) {
        assertThatCode(() -> StrictUtf8Bodies.requireUtf8(body.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    /** The overlong '/', an encoded surrogate, a truncated sequence, a byte UTF-8 never has. */
    @ParameterizedTest
    @CsvSource({"22c0af22, 1", "61eda08062, 1", "61e282, 1", "61ff62, 1"})
    void invalidUtf8_isInvalidRequestBody_namingWhere(String hex, int position) {
        assertThatThrownBy(() -> StrictUtf8Bodies.requireUtf8(HexFormat.of().parseHex(hex)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.InvalidRequestBody))
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("byte " + position);
    }
}
