package dev.cordon.standalone.config;

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

/** README's launcher table quotes application.yml: every setting with its environment variable and default. */
class StandaloneSettingsDocumentedTest {

    private static final Pattern FALLBACK = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    @Test
    void everyLauncherSetting_isInTheReadmeWithItsEnvironmentVariableAndDefault() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties settings = yaml.getObject();
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("### Standalone launcher"));

        int checked = 0;
        for (String key : settings.stringPropertyNames()) {
            Matcher fallback = FALLBACK.matcher(settings.getProperty(key));
            if (!fallback.matches()) {
                continue;
            }
            String documentedDefault = fallback.group(2).isEmpty() ? "unset" : "`" + fallback.group(2) + "`";
            assertThat(table).as(key).contains("| `" + key + "` | `" + fallback.group(1) + "` | "
                    + documentedDefault);
            checked++;
        }
        assertThat(checked).isEqualTo(16);
    }
}
