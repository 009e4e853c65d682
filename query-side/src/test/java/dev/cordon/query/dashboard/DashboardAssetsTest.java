package dev.cordon.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** What the dashboard's files may and may not contain, checked on the files the jar serves. */
class DashboardAssetsTest {

    private static final Map<String, String> FILES = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:dashboard/**/*.*");
        for (Resource resource : resources) {
            String path = resource.getURL().getPath();
            try (InputStream in = resource.getInputStream()) {
                FILES.put(path.substring(path.indexOf("dashboard/") + "dashboard/".length()),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(FILES).containsKeys("index.html", "assets/app.js", "assets/app.css");
    }

    @Test
    void nothingIsLoadedFromAnotherHost() {
        // No CDN, no web font, no analytics: the dashboard works on a closed network and runs only our code.
        Pattern external = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
        FILES.forEach((name, text) -> {
            String withoutSvgNamespace = text.replace("http://www.w3.org/2000/svg", "");
            assertThat(external.matcher(withoutSvgNamespace).find()).as(name + " names another host").isFalse();
        });
    }

    @Test
    void everyFileThePagesReferToExists() {
        Matcher shell = Pattern.compile("(?:src|href)=\"/(assets/[^\"]+)\"").matcher(FILES.get("index.html"));
        int references = 0;
        while (shell.find()) {
            assertThat(FILES).as("index.html refers to " + shell.group(1)).containsKey(shell.group(1));
            references++;
        }
        assertThat(references).isEqualTo(3);
        FILES.forEach((name, text) -> {
            Matcher imports = Pattern.compile("from '\\./([^']+)'").matcher(text);
            while (imports.find()) {
                assertThat(FILES).as(name + " imports " + imports.group(1)).containsKey("assets/" + imports.group(1));
            }
        });
    }

    @Test
    void scriptsNeverInsertTextAsMarkup() {
        // Comments and device names come from whoever calls the API; dom.js builds every element from text.
        for (String sink : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("}) {
            FILES.forEach((name, text) -> assertThat(text).as(name).doesNotContain(sink));
        }
    }

    @Test
    void nothingRunsInline() {
        // The Content-Security-Policy allows no inline script or style; the shell must not need any.
        String shell = FILES.get("index.html");
        assertThat(shell).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=\"");
        Arrays.stream(DashboardSecurityHeaders.CONTENT_SECURITY_POLICY.split("; "))
                .filter(directive -> directive.startsWith("script-src") || directive.startsWith("style-src"))
                .forEach(directive -> assertThat(directive).doesNotContain("unsafe"));
    }
}
