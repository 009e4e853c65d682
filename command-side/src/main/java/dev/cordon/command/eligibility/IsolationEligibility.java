package dev.cordon.command.eligibility;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.eligibility.EligibilityTable;
import dev.cordon.events.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The eligibility table as the aggregate enforces it: a refusal becomes {@code OsPlatformNotSupported}. The rules
 * and their messages are the shared {@link EligibilityTable}'s, which the query side shows before anyone asks.
 */
public final class IsolationEligibility {

    private final EligibilityTable table;

    private IsolationEligibility(EligibilityTable table) {
        this.table = table;
    }

    public static IsolationEligibility load(InputStream in) throws IOException {
        return new IsolationEligibility(EligibilityTable.load(in));
    }

    /** What an isolation of this type keeps connected: nothing for Full. */
    public List<String> keptConnectedApplications(IsolationType type) {
        return table.keptConnectedApplications(type);
    }

    /** Throws {@code OsPlatformNotSupported} with a message that says what the device would need. */
    public void requireEligible(OsPlatform platform, String osBuild, IsolationType type) {
        table.refusal(platform, osBuild, type).ifPresent(message -> {
            throw new RuleViolationException(ErrorCode.OsPlatformNotSupported, message);
        });
    }
}
