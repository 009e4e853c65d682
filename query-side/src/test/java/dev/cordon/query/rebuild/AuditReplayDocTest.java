package dev.cordon.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** docs/audit-replay.md cannot go stale: its requests, its example bodies and its settings are checked here. */
class AuditReplayDocTest {

    /** Relative to the query-side module directory, the tests' working directory. */
    private static final Path DOC = Path.of("../docs/audit-replay.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String doc() throws IOException {
        return Files.readString(DOC);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> jsonBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc());
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    @Test
    void everyRequestBody_isAccepted() throws Exception {
        Matcher body = Pattern.compile("-d '([^']*)'").matcher(doc());
        int bodies = 0;
        while (body.find()) {
            JsonNode request = JSON.readTree(body.group(1));
            assertThat(fieldNames(request)).isSubsetOf("source", "mode").contains("mode");
            if (request.has("source")) {
                assertThat(RebuildSource.of(request.get("source").asText())).as(body.group()).isPresent();
            }
            if (request.has("mode")) {
                assertThat(RebuildMode.of(request.get("mode").asText())).as(body.group()).isPresent();
            }
            bodies++;
        }
        assertThat(bodies).isEqualTo(3);
    }

    @Test
    void statusExample_hasTheFieldsOfTheStatus() throws Exception {
        JsonNode status = JSON.readTree(jsonBlocks().get(0));
        assertThat(fieldNames(status)).containsExactlyElementsOf(components(RebuildStatus.class));
        assertThat(status.get("phase").asText()).isIn(Arrays.stream(RebuildPhase.values())
                .map(RebuildPhase::value).toList());
    }

    @Test
    void verificationExample_hasTheFieldsOfTheVerification() throws Exception {
        JsonNode verification = JSON.readTree("{" + jsonBlocks().get(1) + "}").get("verification");
        assertThat(fieldNames(verification)).containsExactlyElementsOf(components(Verification.class));
        assertThat(verification.get("readModels")).extracting(model -> model.get("readModel").asText())
                .containsExactlyElementsOf(ReadModelVerifier.READ_MODELS.stream()
                        .map(ReadModelVerifier.ReadModel::name).toList());
        for (JsonNode model : verification.get("readModels")) {
            assertThat(fieldNames(model)).containsExactlyElementsOf(
                    components(Verification.ReadModelComparison.class));
        }
        assertThat(fieldNames(verification.get("firstDifference")))
                .containsExactlyElementsOf(components(Verification.Difference.class));
    }

    @Test
    void settingsTable_givesTheDefaultsOfApplicationYml() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        List<String> names = components(RebuildProperties.class);
        for (String name : names) {
            String property = "cordon.query.rebuild." + name.replaceAll("([A-Z])", "-$1").toLowerCase();
            Matcher value = Pattern.compile("\\$\\{(\\w+):([^}]*)}").matcher(properties.getProperty(property));
            assertThat(value.matches()).as(property).isTrue();
            assertThat(doc()).contains("| `" + property + "` | `" + value.group(1) + "` | `" + value.group(2) + "` |");
        }
        assertThat(doc()).contains("| `management.endpoints.web.exposure.include` | | `"
                + properties.getProperty("management.endpoints.web.exposure.include") + "` |");
    }
}
