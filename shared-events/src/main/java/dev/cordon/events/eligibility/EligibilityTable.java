package dev.cordon.events.eligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.upcast.SelectiveIsolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which operating systems support which isolation type, and which applications a selective isolation keeps
 * connected, read from a data file. Here, not on one side, because the command side enforces it and the query
 * side tells a dashboard beforehand what the command side would say: one table, one set of messages.
 */
public final class EligibilityTable {

    /** The table shipped with Cordon, on the classpath of both sides; an operator may point either at another. */
    public static final String SHIPPED_RESOURCE = "isolation-eligibility.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(List<EligibilityRule> rules, Set<OsPlatform> liveResponsePlatforms,
                 List<String> selectiveKeepsConnected) {
    }

    private final Table table;

    private EligibilityTable(Table table) {
        this.table = table;
    }

    public static EligibilityTable load(InputStream in) throws IOException {
        Table table = new ObjectMapper().readValue(in, Table.class);
        // A table written before the list was recorded meant what selective isolation meant then.
        List<String> kept = table.selectiveKeepsConnected() == null ? SelectiveIsolation.REVISION_1_KEPT_CONNECTED
                : table.selectiveKeepsConnected();
        if (kept.stream().anyMatch(app -> app == null || app.isBlank()) || Set.copyOf(kept).size() != kept.size()) {
            // Every isolation request records this list forever: refuse to start rather than record a bad one.
            throw new IllegalArgumentException("selectiveKeepsConnected must name each application once: " + kept);
        }
        return new EligibilityTable(new Table(List.copyOf(table.rules()),
                table.liveResponsePlatforms() == null ? Set.of() : Set.copyOf(table.liveResponsePlatforms()),
                List.copyOf(kept)));
    }

    /** The table as shipped in this jar. */
    public static EligibilityTable shipped() {
        try (InputStream in = EligibilityTable.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an isolation of this type keeps connected: nothing for Full. */
    public List<String> keptConnectedApplications(IsolationType type) {
        return type == IsolationType.Selective ? table.selectiveKeepsConnected() : List.of();
    }

    /** Whether devices of this platform are isolated through live response rather than this API. */
    public boolean isLiveResponsePlatform(OsPlatform platform) {
        return platform != null && table.liveResponsePlatforms().contains(platform);
    }

    /**
     * Why a device of this platform and build cannot be isolated this way, in words that say what it would need;
     * empty if it can. The command side sends this message with {@code OsPlatformNotSupported}.
     */
    public Optional<String> refusal(OsPlatform platform, String osBuild, IsolationType type) {
        if (platform == null) {
            // Only a read model can lack it (a registration it never saw); the command side always knows it.
            return Optional.of("The device's OS platform is not known, so it cannot be shown to support " + type
                    + " isolation.");
        }
        Optional<EligibilityRule> rule = rule(platform, type);
        if (rule.isEmpty()) {
            String hint = isLiveResponsePlatform(platform)
                    ? " Use live response to isolate " + platform + " devices."
                    : " " + type + " isolation is not available on this platform.";
            return Optional.of("OS Platform " + platform + " isn't supported for this action." + hint);
        }
        if (!meetsBuild(rule.get(), osBuild)) {
            return Optional.of("OS Platform " + platform + " isn't supported for this action: " + type
                    + " isolation needs build " + rule.get().minOsBuild() + " (version " + rule.get().minVersion()
                    + ") or later, the device reports build " + (osBuild == null ? "unknown" : osBuild) + ".");
        }
        return Optional.empty();
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
}
