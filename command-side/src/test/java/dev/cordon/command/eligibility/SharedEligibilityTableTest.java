package dev.cordon.command.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.eligibility.EligibilityTable;
import dev.cordon.events.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The query side's isolation options quote the shared table; the aggregate refuses with it. For every platform,
 * type and a spread of builds, both must say the same: refuse the same requests with the same words.
 */
class SharedEligibilityTableTest {

    private static final List<String> BUILDS = Arrays.asList(null, "0", "9600", "14393", "15062", "15063", "16298",
            "16299", "17763", "19045", "22631", "1.2.3", "99999999999999999999");

    private final IsolationEligibility commandSide = IsolationEligibilityTest.shippedTable();
    private final EligibilityTable shared = EligibilityTable.shipped();

    @Test
    void everyPlatformTypeAndBuild_isRefusedWithTheSameMessageOnBothSides() {
        int refusals = 0;
        for (OsPlatform platform : OsPlatform.values()) {
            for (IsolationType type : IsolationType.values()) {
                for (String build : BUILDS) {
                    String what = platform + " build " + build + " " + type;
                    var refusal = shared.refusal(platform, build, type);
                    if (refusal.isEmpty()) {
                        assertThatCode(() -> commandSide.requireEligible(platform, build, type)).as(what)
                                .doesNotThrowAnyException();
                    } else {
                        assertThatThrownBy(() -> commandSide.requireEligible(platform, build, type)).as(what)
                                .isInstanceOfSatisfying(RuleViolationException.class,
                                        e -> assertThat(e.code()).isEqualTo(ErrorCode.OsPlatformNotSupported))
                                .hasMessage(refusal.get());
                        refusals++;
                    }
                }
            }
        }
        assertThat(refusals).as("the comparison saw refusals").isPositive();
    }

    @Test
    void keptConnectedApplications_areTheSameOnBothSides() {
        for (IsolationType type : IsolationType.values()) {
            assertThat(commandSide.keptConnectedApplications(type)).isEqualTo(shared.keptConnectedApplications(type));
        }
    }
}
