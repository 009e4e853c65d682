package dev.cordon.system.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.system.Repository;
import dev.cordon.system.docs.ApiDocEndpoints.Endpoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parts of ApiDocIT that need no running service: api.md's examples are well formed, and the comparison
 * rules catch what they must (a renamed or added field, a changed type or enum value) and let pass what varies.
 */
class ApiDocExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    @Test
    void apiMd_examples_areRequestResponsePairs_withJsonBodies_andPlaceholdersDefinedBeforeUse() throws Exception {
        List<HttpExample> examples = HttpExample.parse(Repository.read("docs/api.md"));
        assertThat(examples).hasSizeGreaterThan(10);
        Set<String> defined = new HashSet<>();
        for (HttpExample example : examples) {
            String where = "docs/api.md line " + example.line();
            for (String text : new String[] {example.request().target(), example.request().body()}) {
                if (text != null) {
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        assertThat(defined).as(where + ": {" + m.group(1) + "} defined by an earlier response")
                                .contains(m.group(1));
                    }
                }
            }
            if (example.request().body() != null) {
                JSON.readTree(example.request().body());
            }
            String response = example.response().body() + " " + example.response().headers().values();
            Matcher m = PLACEHOLDER.matcher(response);
            while (m.find()) {
                defined.add(m.group(1));
            }
            if (example.response().eventStream()) {
                assertThat(example.response().body()).as(where + ": the stream's first lines").isNotBlank();
            } else if (example.response().ndjson()) {
                assertThat(NdJson.parse(example.response().body())).as(where + ": NDJSON lines").isNotEmpty()
                        .allSatisfy(line -> assertThat(line.isObject()).as(where + ": " + line).isTrue());
            } else if (example.response().body() != null) {
                assertThat(JSON.readTree(example.response().body())).as(where).isNotNull();
            }
        }
    }

    /** Defender's codes that Cordon never answers: the table lists the codes Cordon uses. */
    private static final Set<ErrorCode> NOT_ANSWERED = Set.of(ErrorCode.DisallowedOperation);

    @Test
    void apiMd_errorCodeTable_listsEveryCodeCordonAnswers_underItsStatus() throws Exception {
        String markdown = Repository.read("docs/api.md");
        List<String> rows = markdown.lines().dropWhile(line -> !line.startsWith("| status | codes Cordon uses"))
                .takeWhile(line -> line.startsWith("|")).toList();
        assertThat(rows).as("the code table of docs/api.md").hasSizeGreaterThan(2);
        for (ErrorCode code : ErrorCode.values()) {
            List<String> listing = rows.stream().filter(row -> row.contains("`" + code.name() + "`")).toList();
            if (NOT_ANSWERED.contains(code)) {
                assertThat(listing).as(code + ", which Cordon never answers").isEmpty();
            } else {
                assertThat(listing).as(code + " in the code table").singleElement().asString()
                        .startsWith("| ").satisfies(row -> assertThat(row.substring(2, row.indexOf(" |", 1)))
                                .as(code + "'s status").contains(Integer.toString(code.httpStatus())));
            }
        }
    }

    @Test
    void compare_sameShapeAndValues_withVaryingIdsTimestampsAndHosts_matches() throws Exception {
        ResponseMatcher matcher = new ResponseMatcher();
        assertThat(matcher.compare(json("""
                {"@odata.context": "http://localhost:8080/api/$metadata#MachineActions/$entity", "id": "{actionId}",
                 "status": "Pending", "errorHResult": 0, "creationDateTimeUtc": "2026-03-02T09:15:00.123Z",
                 "eventId": "5b0e1f0c-3f0e-4c52-9d5e-2c1a7f3b9e01", "commands": [], "title": null}"""), json("""
                {"@odata.context": "http://127.0.0.1:40123/api/$metadata#MachineActions/$entity",
                 "id": "6d6e247e-e938-45b9-a45b-c089f132107c", "status": "Pending", "errorHResult": 0,
                 "creationDateTimeUtc": "2026-11-27T23:02:39.044624Z",
                 "eventId": "14345864-52a2-4bce-9629-019f4668dd4e", "commands": [], "title": null}""")))
                .isEmpty();
        assertThat(matcher.bound()).containsEntry("actionId", "6d6e247e-e938-45b9-a45b-c089f132107c");
        assertThat(matcher.substitute("/api/machineactions/{actionId}/cancel"))
                .isEqualTo("/api/machineactions/6d6e247e-e938-45b9-a45b-c089f132107c/cancel");
        assertThat(matcher.compareText("message", "Action {actionId} is open",
                "Action 6d6e247e-e938-45b9-a45b-c089f132107c is open")).isEmpty();
    }

    @Test
    void compare_catchesFieldsValuesTypesAndLengthsThatDiffer() throws Exception {
        String documented = """
                {"id": "{actionId}", "type": "Isolate", "scope": "Selective", "errorHResult": 0,
                 "value": [{"status": "Pending"}]}""";
        assertThat(differences(documented, """
                {"id": "a", "type": "Isolate", "scope": "Full", "errorHResult": 0, "value": [{"status": "Pending"}]}"""))
                .singleElement().asString().contains("$.scope");
        assertThat(differences(documented, """
                {"id": "a", "type": "Isolate", "scope": "Selective", "errorHResult": "0",
                 "value": [{"status": "Pending"}]}""")).singleElement().asString().contains("$.errorHResult");
        assertThat(differences(documented, """
                {"id": "a", "type": "Isolate", "scope": "Selective", "errorHResult": 0, "extra": 1,
                 "value": [{"status": "Pending"}]}""")).singleElement().asString().contains("extra");
        assertThat(differences(documented, """
                {"id": "a", "type": "Isolate", "errorHResult": 0, "value": [{"status": "Pending"}]}"""))
                .singleElement().asString().contains("scope");
        assertThat(differences(documented, """
                {"id": "a", "type": "Isolate", "scope": "Selective", "errorHResult": 0, "value": []}"""))
                .singleElement().asString().contains("$.value");
        assertThat(differences(documented, """
                {"id": null, "type": "Isolate", "scope": "Selective", "errorHResult": 0,
                 "value": [{"status": "Pending"}]}""")).singleElement().asString().contains("$.id");
        assertThat(differences("""
                {"creationDateTimeUtc": "2026-03-02T09:15:00.123Z"}""", """
                {"creationDateTimeUtc": "yesterday"}""")).singleElement().asString().contains("timestamp");
    }

    @Test
    void ndjson_isOneDocumentPerLine_andIsComparedLineByLine() {
        assertThat(NdJson.parse("{\"a\": 1}\n{\"a\": 2}\n")).hasSize(2);
        assertThatThrownBy(() -> NdJson.parse("{\"a\": 1} {\"a\": 2}")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> NdJson.parse("{\"a\": 1}\n\n{\"a\": 2}")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> NdJson.parse("{\"a\": 1}\n{\"a\":")).hasMessageContaining("line 2");

        ResponseMatcher matcher = new ResponseMatcher();
        assertThat(matcher.compare(NdJson.parse("{\"id\": \"{eventId}\", \"time\": \"{at}\"}"),
                NdJson.parse("{\"id\": \"e1\", \"time\": \"2026-11-27T23:38:40.024Z\"}\n"))).isEmpty();
        assertThat(matcher.substitute("/api/machines/m1/state?at={at}"))
                .isEqualTo("/api/machines/m1/state?at=2026-11-27T23:38:40.024Z");
        assertThat(matcher.compare(NdJson.parse("{\"id\": \"{eventId}\"}"),
                NdJson.parse("{\"id\": \"e1\"}\n{\"id\": \"e2\"}\n")))
                .singleElement().asString().contains("expected 1 elements, was 2");
    }

    @Test
    void parse_anAnswerShownAsNdjson_isComparedLineByLine() {
        List<HttpExample> examples = HttpExample.parse("""
                ```http
                GET /api/audit/events
                ```

                ```http
                HTTP/1.1 200 OK
                Content-Type: application/x-ndjson

                {"id": "a"}
                {"id": "b"}
                ```
                """);
        assertThat(examples).singleElement().satisfies(e -> {
            assertThat(e.response().ndjson()).isTrue();
            assertThat(NdJson.parse(e.response().body())).hasSize(2);
        });
    }

    @Test
    void compare_aPlaceholderSeenBefore_mustKeepItsValue() throws Exception {
        ResponseMatcher matcher = new ResponseMatcher();
        assertThat(matcher.compare(json("{\"id\": \"{actionId}\"}"), json("{\"id\": \"one\"}"))).isEmpty();
        assertThat(matcher.compare(json("{\"id\": \"{actionId}\"}"), json("{\"id\": \"other\"}")))
                .singleElement().asString().contains("{actionId} = one");
        assertThatThrownBy(() -> matcher.substitute("/api/machineactions/{neverSeen}"))
                .hasMessageContaining("{neverSeen}");
    }

    @Test
    void endpoints_matchConcretePaths_literalSegmentsFirst_andAreReadFromTables() {
        Set<Endpoint> served = Set.of(Endpoint.of("GET", "/api/machines/{id}"),
                Endpoint.of("GET", "/api/machines/{machineId}/timeline"), Endpoint.of("PUT", "/api/machines/{id}"));
        assertThat(ApiDocEndpoints.match(served, "GET", "/api/machines/m1/timeline"))
                .contains(Endpoint.of("GET", "/api/machines/{x}/timeline"));
        assertThat(ApiDocEndpoints.match(served, "POST", "/api/machines/m1")).isEmpty();
        assertThat(ApiDocEndpoints.listed("""
                | call | answer |
                | `GET /api/machines?$filter=` | devices |
                | `PUT /api/machines/{id}` | body |
                Prose naming `GET /api/elsewhere` is not a table row.""")).containsExactly(
                Endpoint.of("GET", "/api/machines"), Endpoint.of("PUT", "/api/machines/{}"));
    }

    private static List<String> differences(String documented, String actual) throws Exception {
        return new ResponseMatcher().compare(json(documented), json(actual));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
