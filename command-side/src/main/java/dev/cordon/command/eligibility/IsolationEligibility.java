package dev.cordon.command.eligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which operating systems support which isolation type, read from a data file. */
public final class IsolationEligibility {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(List<EligibilityRule> rules, Set<OsPlatform> liveResponsePlatforms) {
    }

    private final Table table;

    private IsolationEligibility(Table table) {
        this.table = table;
    }

    public static IsolationEligibility load(InputStream in) throws IOException {
        Table table = new ObjectMapper().readValue(in, Table.class);
        return new IsolationEligibility(new Table(List.copyOf(table.rules()),
                table.liveResponsePlatforms() == null ? Set.of() : Set.copyOf(table.liveResponsePlatforms())));
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
