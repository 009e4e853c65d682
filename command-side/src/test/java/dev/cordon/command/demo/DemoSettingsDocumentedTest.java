package dev.cordon.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** README's configuration table quotes application.yml for the demo settings: the two must not drift apart. */
class DemoSettingsDocumentedTest {

    private static final Pattern FALLBACK = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    @Test
    void everyDemoSetting_isInTheReadmeWithItsEnvironmentVariableAndDefault() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties settings = yaml.getObject();
        String readme = Files.readString(Path.of("..", "README.md"));

        int checked = 0;
        for (String key : settings.stringPropertyNames()) {
            if (!key.startsWith("cordon.demo.") && !key.startsWith("cordon.agent-simulation.")) {
                continue;
            }
            Matcher fallback = FALLBACK.matcher(settings.getProperty(key));
            assertThat(fallback.matches()).as(key + " has an environment fallback").isTrue();
            assertThat(readme).as(key).contains("| `" + key + "` | `" + fallback.group(1) + "` | `"
                    + fallback.group(2) + "`");
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }
}
