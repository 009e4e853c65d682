package dev.cordon.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.service.security.Access;
import dev.cordon.service.security.EndpointPermissions;
import dev.cordon.service.security.EndpointRule;
import dev.cordon.service.security.Permission;
import dev.cordon.system.Repository;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/security.md's access matrix is the code's (EndpointPermissions), row for row, in its order. */
class SecurityDocTest {

    private static final String START = "<!-- access-matrix -->";
    private static final String END = "<!-- /access-matrix -->";

    @Test
    void theDocumentedMatrix_isTheOneTheServicesEnforce() {
        String doc = Repository.read("docs/security.md");
        String table = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
        List<String> documented = table.lines().filter(line -> line.startsWith("| `")).toList();
        List<String> enforced = EndpointPermissions.RULES.stream().map(SecurityDocTest::row).toList();
        assertThat(documented).containsExactlyElementsOf(enforced);
    }

    private static String row(EndpointRule rule) {
        return "| `" + String.join(", ", rule.methods()) + "` | `" + rule.path() + "` | " + who(rule.access()) + " |";
    }

    private static String who(Access access) {
        if (access instanceof Access.AnyOf any) {
            return any.permissions().stream().map(p -> "`" + p.claimValue() + "`").collect(Collectors.joining(" or "));
        }
        if (access instanceof Access.Agent) {
            return "a device agent's token (`" + Permission.AGENT.claimValue() + "`), for its own machine only";
        }
        return "anyone";
    }
}
