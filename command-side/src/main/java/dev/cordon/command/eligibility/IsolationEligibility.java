package dev.cordon.command.eligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.upcast.SelectiveIsolation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which operating systems support which isolation type, and which applications a selective isolation keeps
 * connected, read from a data file.
 */
public final class IsolationEligibility {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(List<EligibilityRule> rules, Set<OsPlatform> liveResponsePlatforms,
                 List<String> selectiveKeepsConnected) {
    }

    private final Table table;

    private IsolationEligibility(Table table) {
        this.table = table;
    }

    public static IsolationEligibility load(InputStream in) throws IOException {
        Table table = new ObjectMapper().readValue(in, Table.class);
        // A table written before the list was recorded meant what selective isolation meant then.
        List<String> kept = table.selectiveKeepsConnected() == null ? SelectiveIsolation.REVISION_1_KEPT_CONNECTED
                : table.selectiveKeepsConnected();
        if (kept.stream().anyMatch(app -> app == null || app.isBlank()) || Set.copyOf(kept).size() != kept.size()) {
            // Every isolation request records this list forever: refuse to start rather than record a bad one.
            throw new IllegalArgumentException("selectiveKeepsConnected must name each application once: " + kept);
        }
        return new IsolationEligibility(new Table(List.copyOf(table.rules()),
                table.liveResponsePlatforms() == null ? Set.of() : Set.copyOf(table.liveResponsePlatforms()),
                List.copyOf(kept)));
    }

    /** What an isolation of this type keeps connected: nothing for Full. */
    public List<String> keptConnectedApplications(IsolationType type) {
        return type == IsolationType.Selective ? table.selectiveKeepsConnected() : List.of();
    }

    /** Throws {@code OsPlatformNotSupported} with a message that says what the device would need. */
    public void requireEligible(OsPlatform platform, String osBuild, IsolationType type) {
        Optional<EligibilityRule> rule = rule(platform, type);
        if (rule.isEmpty()) {
            String hint = table.liveResponsePlatforms().contains(platform)
                    ? " Use live response to isolate " + platform + " devices."
                    : " " + type + " isolation is not available on this platform.";
            throw notSupported("OS Platform " + platform + " isn't supported for this action." + hint);
        }
        if (!meetsBuild(rule.get(), osBuild)) {
            throw notSupported("OS Platform " + platform + " isn't supported for this action: " + type
                    + " isolation needs build " + rule.get().minOsBuild() + " (version " + rule.get().minVersion()
                    + ") or later, the device reports build " + (osBuild == null ? "unknown" : osBuild) + ".");
        }
    }

    private Optional<EligibilityRule> rule(OsPlatform platform, IsolationType type) {
        return table.rules().stream()
                .filter(r -> r.osPlatform() == platform && r.isolationType() == type)
                .findFirst();
    }

    private static boolean meetsBuild(EligibilityRule rule, String osBuild) {
        if (rule.minOsBuild() == null) {
            return true;
        }
        // A device that reports no build cannot be shown to be new enough.
        return osBuild != null && osBuild.matches("\\d{1,18}") && Long.parseLong(osBuild) >= rule.minOsBuild();
    }

    private static RuleViolationException notSupported(String message) {
        return new RuleViolationException(ErrorCode.OsPlatformNotSupported, message);
    }
}
