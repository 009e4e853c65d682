package dev.cordon.query.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ODataQueryTest {

    private static ODataQuery parse(String filter, String top, String skip) {
        return ODataQuery.parse(filter, top, skip, ODataParserTest.SCHEMA);
    }

    @Test
    void query_whenNothingGiven_hasDefaults() {
        ODataQuery query = parse(null, null, null);
        assertThat(query.top()).isEqualTo(10_000);
        assertThat(query.skip()).isZero();
        assertThat(query.filter()).isEqualTo(SqlFilter.NONE);
    }

    @Test
    void query_whenFilterBlank_hasNoFilter() {
        assertThat(parse("", null, null).filter()).isEqualTo(SqlFilter.NONE);
    }

    @Test
    void query_whenTopAndSkipInRange_areKept() {
        ODataQuery query = parse(null, "10000", "25");
        assertThat(query.top()).isEqualTo(10_000);
        assertThat(query.skip()).isEqualTo(25);
        assertThat(parse(null, "0", "0").top()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "-1", "abc", "1.5", "", "99999999999", "1; drop table machine"})
    void top_whenOutOfRangeOrNotANumber_isRejected(String top) {
        assertThatThrownBy(() -> parse(null, top, null)).isInstanceOf(ODataException.class)
                .hasMessageContaining("$top");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "x", "99999999999"})
    void skip_whenNegativeOrNotANumber_isRejected(String skip) {
        assertThatThrownBy(() -> parse(null, null, skip)).isInstanceOf(ODataException.class)
                .hasMessageContaining("$skip");
    }
}
