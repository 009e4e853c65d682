package dev.cordon.query.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlFilterRendererTest {

    private static SqlFilter render(String filter) {
        return SqlFilterRenderer.render(ODataParser.parse(filter, ODataParserTest.SCHEMA));
    }

    @Test
    void render_whenDefenderFilter_bindsEveryLiteral() {
        SqlFilter sql = render("status eq 'Pending' and machineId eq 'abc' and type eq 'Isolate' and requestor eq 'x'");
        assertThat(sql.sql()).isEqualTo(
                "(((status = :f0 AND machine_id = :f1) AND type = :f2) AND requestor = :f3)");
        assertThat(sql.parameters()).containsEntry("f0", "Pending").containsEntry("f1", "abc")
                .containsEntry("f2", "Isolate").containsEntry("f3", "x");
    }

    @Test
    void render_whenOrGroup_keepsPrecedenceWithParentheses() {
        SqlFilter sql = render("(machineId eq 'a' or machineId eq 'b') and type eq 'Isolate'");
        assertThat(sql.sql()).isEqualTo("((machine_id = :f0 OR machine_id = :f1) AND type = :f2)");
    }

    @Test
    void render_whenNe_isNullSafe() {
        assertThat(render("requestor ne 'x'").sql()).isEqualTo("requestor IS DISTINCT FROM :f0");
    }

    @Test
    void render_whenNull_usesIsNull() {
        SqlFilter sql = render("requestor eq null or requestor ne null");
        assertThat(sql.sql()).isEqualTo("(requestor IS NULL OR requestor IS NOT NULL)");
        assertThat(sql.parameters()).isEmpty();
    }

    @Test
    void render_whenInstant_bindsUtcTimestamp() {
        SqlFilter sql = render("creationDateTimeUtc ge 2024-01-01T00:00:00Z and creationDateTimeUtc lt '2024-02-01T00:00:00Z'");
        assertThat(sql.sql()).isEqualTo("(creation_date_time_utc >= :f0 AND creation_date_time_utc < :f1)");
        assertThat(sql.parameters().get("f0")).isEqualTo(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void render_whenLiteralHoldsSql_neverPutsItInTheStatement() {
        String hostile = "x' or 1=1; drop table machine_action; --";
        SqlFilter sql = render("machineId eq '" + hostile.replace("'", "''") + "' or requestor eq 'union select'");
        assertThat(sql.sql()).isEqualTo("(machine_id = :f0 OR requestor = :f1)");
        assertThat(sql.sql()).doesNotContain("drop", "1=1", "union", "'");
        assertThat(sql.parameters()).containsEntry("f0", hostile).containsEntry("f1", "union select");
    }

    /** Case-insensitive, and the prefix's own wildcards match only themselves. */
    @Test
    void render_whenStartswith_isALikeOnTheLowercasedColumn_withTheWildcardsEscaped() {
        SqlFilter filter = render("startswith(machineId,'WS-10%_a\\b') and id eq 'x'");

        assertThat(filter.sql()).isEqualTo("(LOWER(machine_id) LIKE :f0 ESCAPE '\\' AND id = :f1)");
        assertThat(filter.parameters()).containsEntry("f0", "ws-10\\%\\_a\\\\b%").containsEntry("f1", "x");
    }

    /** One text column holds the tags, each between U+001F: "has a tag equal to x" is a LIKE on it, x's wildcards literal. */
    @Test
    void render_whenAny_isALikeOnTheTagColumn() {
        FilterSchema schema = new FilterSchema(List.of(FilterField.collection("machineTags", "machine_tags"),
                FilterField.string("id", "id")));

        SqlFilter eq = SqlFilterRenderer.render(ODataParser.parse("machineTags/any(tag: tag eq 'VIP_1%') and id eq 'x'",
                schema));
        assertThat(eq.sql()).isEqualTo("(LOWER(machine_tags) LIKE :f0 ESCAPE '\\' AND id = :f1)");
        assertThat(eq.parameters()).containsEntry("f0", "%\u001fvip\\_1\\%\u001f%");
        SqlFilter prefix = SqlFilterRenderer.render(ODataParser.parse("machineTags/any(t: startswith(t,'Fin'))", schema));
        assertThat(prefix.parameters()).containsEntry("f0", "%\u001ffin%");
        assertThat(SqlFilterRenderer.render(ODataParser.parse("machineTags/any()", schema)).sql())
                .isEqualTo("machine_tags <> ''");
    }

    @Test
    void tagColumn_roundTripsTheTagsInOrder() {
        assertThat(TagColumn.encode(List.of())).isEmpty();
        assertThat(TagColumn.decode(TagColumn.encode(List.of("b", "a b", "50%")))).containsExactly("b", "a b", "50%");
        assertThat(TagColumn.decode("")).isEmpty();
    }
}
