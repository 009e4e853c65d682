package dev.cordon.query.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ODataQueryTest {

    static final OrderBy NEWEST_FIRST = new OrderBy("creationDateTimeUtc desc", "creation_date_time_utc DESC, id DESC");
    static final OrderBy OLDEST_FIRST = new OrderBy("creationDateTimeUtc asc", "creation_date_time_utc ASC, id ASC");

    /** Names and values in pairs, as in a query string; a name may repeat. */
    private static ODataQuery parse(String... namesAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.merge(namesAndValues[i], List.of(namesAndValues[i + 1]),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        return ODataQuery.parse(parameters, ODataParserTest.SCHEMA, List.of(NEWEST_FIRST, OLDEST_FIRST));
    }

    @Test
    void query_whenNothingGiven_hasDefaults() {
        ODataQuery query = parse();
        assertThat(query.top()).isEqualTo(10_000);
        assertThat(query.skip()).isZero();
        assertThat(query.filter()).isEqualTo(SqlFilter.NONE);
        assertThat(query.orderBy()).isEqualTo(NEWEST_FIRST);
    }

    @Test
    void query_whenFilterBlank_hasNoFilter() {
        assertThat(parse("$filter", "").filter()).isEqualTo(SqlFilter.NONE);
    }

    @Test
    void query_whenTopAndSkipInRange_areKept() {
        ODataQuery query = parse("$top", "10000", "$skip", "25");
        assertThat(query.top()).isEqualTo(10_000);
        assertThat(query.skip()).isEqualTo(25);
        assertThat(parse("$top", "0", "$skip", "0").top()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "-1", "abc", "1.5", "", "99999999999", "1; drop table machine"})
    void top_whenOutOfRangeOrNotANumber_isRejected(String top) {
        assertThatThrownBy(() -> parse("$top", top)).isInstanceOf(ODataException.class)
                .hasMessageContaining("$top");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "x", "99999999999"})
    void skip_whenNegativeOrNotANumber_isRejected(String skip) {
        assertThatThrownBy(() -> parse("$skip", skip)).isInstanceOf(ODataException.class)
                .hasMessageContaining("$skip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$Filter", "$FILTER", "$TOP", "$Skip", "$skipp", "$orderBy", "$expand", "$search",
            "$format", "$", "$filter "})
    void option_whenUnknownOrWronglyCased_isRejectedNamingTheSupportedOnes(String option) {
        assertThatThrownBy(() -> parse(option, "status eq 'Pending'")).isInstanceOf(ODataException.class)
                .hasMessageContaining("'" + option + "'")
                .hasMessageContaining("$filter, $top, $skip, $orderby, $select, $count");
    }

    @Test
    void option_whenSelectOrCount_isAcceptedAndIgnored() {
        ODataQuery query = parse("$select", "id,status", "$count", "true");
        assertThat(query).isEqualTo(parse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"filter", "Filter", "top", "skip", "orderby"})
    void option_whenKnownNameWithoutDollar_isRejectedRatherThanIgnored(String option) {
        assertThatThrownBy(() -> parse(option, "status eq 'Pending'")).isInstanceOf(ODataException.class)
                .hasMessageContaining("needs its '$'");
    }

    @Test
    void option_withoutDollar_isNotAnOption() {
        assertThat(parse("api-version", "1.0", "_", "1700000000")).isEqualTo(parse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$filter", "$top", "$skip", "$orderby"})
    void option_whenGivenTwice_isRejected(String option) {
        assertThatThrownBy(() -> parse(option, "1", option, "2")).isInstanceOf(ODataException.class)
                .hasMessageContaining("'" + option + "' is given more than once");
    }

    @Test
    void orderBy_whenAccepted_isUsed() {
        assertThat(parse("$orderby", "creationDateTimeUtc asc").orderBy()).isEqualTo(OLDEST_FIRST);
        assertThat(parse("$orderby", "creationDateTimeUtc desc").orderBy()).isEqualTo(NEWEST_FIRST);
        assertThat(parse("$orderby", "  creationDateTimeUtc   ASC ").orderBy()).isEqualTo(OLDEST_FIRST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"creationDateTimeUtc", "creationdatetimeutc asc", "requestor asc", "id desc",
            "creationDateTimeUtc up", "creationDateTimeUtc asc,id desc", "creationDateTimeUtc asc; drop table x",
            "", " "})
    void orderBy_whenNotAccepted_isRejectedNamingTheAcceptedOnes(String orderBy) {
        assertThatThrownBy(() -> parse("$orderby", orderBy)).isInstanceOf(ODataException.class)
                .hasMessageContaining("$orderby")
                .hasMessageContaining("creationDateTimeUtc desc, creationDateTimeUtc asc");
    }
}
