package dev.cordon.command.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole eligibility table of the product page, row by row at the build boundaries, as the aggregate enforces
 * it. Loading the table and its messages are the shared EligibilityTable's, tested in shared-events.
 */
public class IsolationEligibilityTest {

    private final IsolationEligibility eligibility = shippedTable();

    /** The table as shipped in the application's resources. */
    public static IsolationEligibility shippedTable() {
        try (InputStream in = IsolationEligibilityTest.class.getResourceAsStream("/isolation-eligibility.json")) {
            return IsolationEligibility.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} build {1} {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "Windows10, 15062, Full, false",
            "Windows10, 15063, Full, true",
            "Windows10, 19045, Full, true",
            "Windows10, null, Full, false",
            "Windows10, 16298, Selective, false",
            "Windows10, 16299, Selective, true",
            "Windows10, 15063, Selective, false",
            "Windows11, 22000, Full, true",
            "Windows11, null, Selective, true",
            "WindowsServer2012R2, 9600, Full, true",
            "WindowsServer2016, 14393, Full, true",
            "WindowsServer2019, 17763, Full, true",
            "WindowsServer2022, 20348, Full, true",
            "WindowsServer2012R2, 9600, Selective, false",
            "WindowsServer2016, 14393, Selective, false",
            "WindowsServer2019, 17763, Selective, false",
            "WindowsServer2022, 20348, Selective, false",
            "macOS, 23, Full, false",
            "macOS, 23, Selective, false",
            "Linux, null, Full, false",
            "Linux, null, Selective, false",
            "Windows10, 1.2.3, Full, false",
    })
    void eligibility_followsTheProductTable(OsPlatform platform, String build, IsolationType type, boolean eligible) {
        if (eligible) {
            assertThatCode(() -> eligibility.requireEligible(platform, build, type)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> eligibility.requireEligible(platform, build, type))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OsPlatformNotSupported))
                    .hasMessageContaining("OS Platform " + platform + " isn't supported for this action");
        }
    }

    @ParameterizedTest
    @CsvSource({"macOS", "Linux"})
    void ineligible_macOsAndLinux_pointToLiveResponse(OsPlatform platform) {
        assertThatThrownBy(() -> eligibility.requireEligible(platform, null, IsolationType.Full))
                .hasMessageContaining("live response");
    }
}
