package dev.cordon.query.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.query.odata.FilterExpression.And;
import dev.cordon.query.odata.FilterExpression.Comparison;
import dev.cordon.query.odata.FilterExpression.Or;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ODataParserTest {

    static final FilterSchema SCHEMA = new FilterSchema(List.of(
            FilterField.string("id", "id"),
            FilterField.enumeration("status", "status", ActionStatus.class),
            FilterField.string("machineId", "machine_id"),
            FilterField.enumeration("type", "type", ActionType.class),
            FilterField.string("requestor", "requestor"),
            FilterField.instant("creationDateTimeUtc", "creation_date_time_utc")));

    private static FilterExpression parse(String filter) {
        return ODataParser.parse(filter, SCHEMA);
    }

    private static Comparison comparison(FilterExpression e) {
        return (Comparison) e;
    }

    @Test
    void filter_whenSingleComparison_isParsed() {
        Comparison c = comparison(parse("machineId eq 'abc'"));
        assertThat(c.field().name()).isEqualTo("machineId");
        assertThat(c.operator()).isEqualTo(ComparisonOperator.EQ);
        assertThat(c.value()).isEqualTo("abc");
    }

    @Test
    void filter_whenDefenderAndChain_isParsedLeftAssociative() {
        FilterExpression e = parse("status eq 'Pending' and machineId eq 'abc' and type eq 'Isolate' and requestor eq 'x'");
        And outer = (And) e;
        assertThat(comparison(outer.right()).field().name()).isEqualTo("requestor");
        And middle = (And) outer.left();
        assertThat(comparison(middle.right()).field().name()).isEqualTo("type");
        And inner = (And) middle.left();
        assertThat(comparison(inner.left()).value()).isEqualTo("Pending");
        assertThat(comparison(inner.right()).value()).isEqualTo("abc");
    }

    @Test
    void filter_whenParenthesisedOrGroup_isParsedAsOneOperand() {
        And and = (And) parse("(machineId eq 'a' or machineId eq 'b') and type eq 'Isolate'");
        Or or = (Or) and.left();
        assertThat(comparison(or.left()).value()).isEqualTo("a");
        assertThat(comparison(or.right()).value()).isEqualTo("b");
        assertThat(comparison(and.right()).value()).isEqualTo("Isolate");
    }

    @Test
    void filter_whenAndAndOrMixed_andBindsTighter() {
        Or or = (Or) parse("machineId eq 'a' or machineId eq 'b' and type eq 'Isolate'");
        assertThat(comparison(or.left()).value()).isEqualTo("a");
        And and = (And) or.right();
        assertThat(comparison(and.left()).value()).isEqualTo("b");
        assertThat(comparison(and.right()).value()).isEqualTo("Isolate");
    }

    @Test
    void filter_whenKeywordsInAnyCase_isParsed() {
        Or or = (Or) parse("machineId EQ 'a' OR (machineId Eq 'b' AnD type NE 'Unisolate')");
        assertThat(comparison(((And) or.right()).right()).operator()).isEqualTo(ComparisonOperator.NE);
    }

    @Test
    void filter_whenStringHasDoubledQuote_isUnescaped() {
        assertThat(comparison(parse("requestor eq 'O''Brien'")).value()).isEqualTo("O'Brien");
        assertThat(comparison(parse("requestor eq ''")).value()).isEqualTo("");
        assertThat(comparison(parse("requestor eq ''''")).value()).isEqualTo("'");
    }

    @Test
    void filter_whenStringHoldsSqlAndKeywords_isJustAValue() {
        assertThat(comparison(parse("machineId eq 'x'' or 1=1; drop table machine_action; --'")).value())
                .isEqualTo("x' or 1=1; drop table machine_action; --");
    }

    @Test
    void filter_whenInstantBareOrQuoted_isParsed() {
        Instant expected = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(comparison(parse("creationDateTimeUtc ge 2024-01-01T00:00:00Z")).value()).isEqualTo(expected);
        assertThat(comparison(parse("creationDateTimeUtc lt '2024-01-01T00:00:00Z'")).value()).isEqualTo(expected);
        assertThat(comparison(parse("creationDateTimeUtc gt 2024-01-01T02:00:00.5+02:00")).value())
                .isEqualTo(expected.plusMillis(500));
    }

    @Test
    void filter_whenEqNull_isParsed() {
        Comparison c = comparison(parse("requestor eq null"));
        assertThat(c.value()).isNull();
        assertThat(comparison(parse("requestor ne NULL")).operator()).isEqualTo(ComparisonOperator.NE);
        assertThat(comparison(parse("requestor eq 'null'")).value()).isEqualTo("null");
    }

    @Test
    void filter_whenNestedToMaxDepth_isParsed() {
        String filter = "(".repeat(ODataParser.MAX_DEPTH) + "id eq '1'" + ")".repeat(ODataParser.MAX_DEPTH);
        assertThat(comparison(parse(filter)).value()).isEqualTo("1");
    }

    @Test
    void filter_whenFieldUnknown_isRejected() {
        assertRejected("password eq 'x'", "position 0", "unknown field 'password'");
        assertRejected("machineId eq 'x' and Status eq 'Pending'", "position 21", "unknown field 'Status'");
    }

    @Test
    void filter_whenOperatorNotAllowedOnField_isRejected() {
        assertRejected("status gt 'Pending'", "position 7", "operator 'gt' is not allowed on field 'status'");
        assertRejected("machineId le 'a'", "position 10", "'le' is not allowed");
    }

    @Test
    void filter_whenEnumValueUnknown_isRejected() {
        assertRejected("status eq 'pending'", "position 10", "'pending' is not a valid value for 'status'");
        assertRejected("type eq 'RunAntiVirusScan'", "position 8", "allowed: Isolate, Unisolate");
    }

    @Test
    void filter_whenInstantMalformed_isRejected() {
        assertRejected("creationDateTimeUtc ge 2024-13-01T00:00:00Z", "position 23", "not an ISO-8601 instant");
        assertRejected("creationDateTimeUtc ge 'yesterday'", "position 23", "not an ISO-8601 instant");
        assertRejected("creationDateTimeUtc gt null", "position 23", "null can only be compared with eq or ne");
    }

    @Test
    void filter_whenStringHoldsControlCharacter_isRejectedAtIt() {
        assertRejected("requestor eq 'a\u0000'", "position 15", "control character '\\u0000' in string literal");
        assertRejected("requestor eq 'x\ny'", "position 15", "control character '\\u000a'");
        assertRejected("machineId eq '\u001f'", "position 14", "control character");
        assertThat(comparison(parse("requestor eq 'Zo\u00eb O''Brien'")).value()).isEqualTo("Zo\u00eb O'Brien");
    }

    @Test
    void filter_whenInstantOutsideYears1To9999_isRejected() {
        assertRejected("creationDateTimeUtc ge '+300000-01-01T00:00:00Z'", "position 23",
                "outside the years 1 to 9999");
        assertRejected("creationDateTimeUtc ge '+10000-01-01T00:00:00Z'", "position 23", "outside the years");
        assertRejected("creationDateTimeUtc lt '-0001-01-01T00:00:00Z'", "position 23", "outside the years");
        assertRejected("creationDateTimeUtc lt 0000-12-31T23:59:59Z", "position 23", "outside the years");
        // The year counts in UTC, as the value is compared.
        assertRejected("creationDateTimeUtc le 9999-12-31T23:00:00-05:00", "position 23", "outside the years");
        assertRejected("creationDateTimeUtc ge 0001-01-01T00:30:00+01:00", "position 23", "outside the years");
    }

    @Test
    void filter_whenInstantAtTheEdgesOfYears1To9999_isParsed() {
        assertThat(comparison(parse("creationDateTimeUtc ge 0001-01-01T00:00:00Z")).value())
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(comparison(parse("creationDateTimeUtc le '9999-12-31T23:59:59.999999Z'")).value())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void filter_whenStringUnquoted_isRejected() {
        assertRejected("machineId eq abc", "position 13", "expected a single-quoted string");
        assertRejected("machineId eq 123", "position 13", "expected a single-quoted string");
    }

    @Test
    void filter_whenTautologyInjected_isRejected() {
        assertRejected("id eq '1' or 1=1", "position 14", "unexpected character '='");
        assertRejected("id eq '1' or 1", "position 13", "expected a field name");
    }

    @Test
    void filter_whenStatementInjected_isRejected() {
        assertRejected("id eq '1'; drop table machine_action; --", "position 9", "unexpected character ';'");
    }

    @Test
    void filter_whenUnionAppended_isRejected() {
        assertRejected("machineId eq 'x' union select", "position 17", "expected 'and', 'or' or end of filter");
    }

    @Test
    void filter_whenParenthesesUnbalanced_isRejected() {
        assertRejected("(machineId eq 'a' or machineId eq 'b'", "position 37", "expected ')' to close '(' at position 0");
        assertRejected("machineId eq 'a')", "position 16", "')' without matching '('");
        assertRejected("()", "position 1", "expected a field name");
    }

    @Test
    void filter_whenTrailingGarbage_isRejected() {
        assertRejected("machineId eq 'a' machineId eq 'b'", "position 17", "found 'machineId'");
        assertRejected("machineId eq 'a' and", "position 20", "expected a field name but found end of filter");
        assertRejected("machineId eq", "position 12", "found end of filter");
        assertRejected("machineId", "position 9", "expected an operator");
    }

    @Test
    void filter_whenStringUnterminated_isRejected() {
        assertRejected("machineId eq 'abc", "position 13", "unterminated string literal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id eq \"1\"", "id eq '1' -- comment", "id eq '1' /* x */", "id = '1'", "id eq '1' & 1",
            "id eq '1' || 'a'", "id\u0000 eq '1'", "id eq `1`", "machineId eq 'x' union select * from machine",
            "id eq '1' or machineId ne null; --", "id eq 0x41", "not id eq '1'", "id in ('a','b')",
            "contains(id,'a')", "id eq '1' or id eq '2' or"})
    void filter_whenHostile_isRejected(String filter) {
        assertThatThrownBy(() -> parse(filter)).isInstanceOf(ODataException.class)
                .hasMessageContaining("position");
    }

    @Test
    void filter_whenNestedTooDeep_isRejected() {
        int depth = ODataParser.MAX_DEPTH + 1;
        assertRejected("(".repeat(depth) + "id eq '1'" + ")".repeat(depth), "position 32", "nested deeper than 32");
    }

    @Test
    void filter_whenTenThousandParentheses_isRejectedWithoutRecursing() {
        assertThatThrownBy(() -> parse("(".repeat(10_000) + "id eq '1'" + ")".repeat(10_000)))
                .isInstanceOf(ODataException.class).hasMessageContaining("longer than 2000");
        assertThatThrownBy(() -> parse("(".repeat(1_990)))
                .isInstanceOf(ODataException.class).hasMessageContaining("nested deeper than 32");
    }

    @Test
    void filter_whenLongerThanLimit_isRejected() {
        String filter = "requestor eq '" + "a".repeat(ODataParser.MAX_LENGTH) + "'";
        assertThatThrownBy(() -> parse(filter)).isInstanceOf(ODataException.class)
                .hasMessageContaining("longer than 2000 characters");
    }

    @Test
    void filter_whenEmpty_isRejected() {
        assertRejected("   ", "position 0", "empty filter");
    }

    private static void assertRejected(String filter, String position, String message) {
        assertThatThrownBy(() -> parse(filter))
                .isInstanceOf(ODataException.class)
                .hasMessageContaining(position)
                .hasMessageContaining(message);
    }

    /** A PowerShell module's own documented example, and the forms around it. */
    @Test
    void startswith_onATextField_isParsed_insideAndOutsideGroups() {
        FilterExpression.StartsWith starts = (FilterExpression.StartsWith) parse("startswith(machineId,'ws-')");
        assertThat(starts.field().name()).isEqualTo("machineId");
        assertThat(starts.prefix()).isEqualTo("ws-");
        And and = (And) parse("( startswith( requestor , 'soar''s' ) or id eq 'x') and status eq 'Pending'");
        assertThat(((FilterExpression.StartsWith) ((Or) and.left()).left()).prefix()).isEqualTo("soar's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"startswith(status,'Pend')", "startswith(creationDateTimeUtc,'2026')",
            "startswith(nope,'x')", "startswith(machineId 'x')", "startswith(machineId,'x'", "startswith(machineId,x)",
            "startswith('x',machineId)", "startswith(machineId,'x') eq true", "startswith eq 'x'", "startswith()"})
    void startswith_misused_isAnODataError(String filter) {
        assertThatThrownBy(() -> parse(filter)).isInstanceOf(ODataException.class);
    }

    /** Defender's examples compare with a date alone: midnight UTC of that day. */
    @Test
    void instant_asADateAlone_isMidnightUtc() {
        assertThat(comparison(parse("creationDateTimeUtc gt 2026-11-01Z")).value())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(comparison(parse("creationDateTimeUtc ge 2026-11-01")).value())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThatThrownBy(() -> parse("creationDateTimeUtc gt 2026-13-01Z")).isInstanceOf(ODataException.class);
    }

    /**
     * Thousands of clauses never reach the database: refused by the length (or, within it, the clause count) before
     * a statement is made; printed, not asserted, how long the refusal takes.
     */
    @Test
    void pathologicalFilters_areRefusedBeforeAnyStatementIsMade() {
        String twoThousand = String.join(" or ", java.util.Collections.nCopies(2_000, "id eq 'x'"));
        long started = System.nanoTime();
        assertThatThrownBy(() -> parse(twoThousand)).isInstanceOf(ODataException.class).hasMessageContaining("longer");
        System.out.printf("[odata] a 2,000-clause filter (%d characters) refused in %.3f ms%n", twoThousand.length(),
                (System.nanoTime() - started) / 1e6);
        String many = String.join(" or ", java.util.Collections.nCopies(ODataParser.MAX_CLAUSES + 1, "id eq ''"));
        assertThat(many.length()).isLessThanOrEqualTo(ODataParser.MAX_LENGTH);
        assertThatThrownBy(() -> parse(many)).isInstanceOf(ODataException.class).hasMessageContaining("clauses");
        String allowed = String.join(" or ", java.util.Collections.nCopies(ODataParser.MAX_CLAUSES, "id eq ''"));
        assertThat(parse(allowed)).isInstanceOf(Or.class);
    }
}
