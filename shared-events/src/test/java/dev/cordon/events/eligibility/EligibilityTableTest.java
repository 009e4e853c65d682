package dev.cordon.events.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.upcast.SelectiveIsolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped table row by row at the build boundaries, and the exact words of each kind of refusal. */
class EligibilityTableTest {

    private final EligibilityTable table = EligibilityTable.shipped();

    @ParameterizedTest(name = "{0} build {1} {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "Windows10, 15062, Full, false",
            "Windows10, 15063, Full, true",
            "Windows10, 19045, Full, true",
            "Windows10, null, Full, false",
            "Windows10, 16298, Selective, false",
            "Windows10, 16299, Selective, true",
            "Windows11, 22000, Full, true",
            "Windows11, null, Selective, true",
            "WindowsServer2012R2, 9600, Full, true",
            "WindowsServer2016, 14393, Full, true",
            "WindowsServer2019, 17763, Full, true",
            "WindowsServer2022, 20348, Full, true",
            "WindowsServer2022, 20348, Selective, false",
            "macOS, 23, Full, false",
            "Linux, null, Selective, false",
            "Windows10, 1.2.3, Full, false",
    })
    void refusal_followsTheProductTable(OsPlatform platform, String build, IsolationType type, boolean eligible) {
        assertThat(table.refusal(platform, build, type).isEmpty()).isEqualTo(eligible);
    }

    @Test
    void refusal_buildTooOld_saysWhatBuildAndVersionItNeeds() {
        assertThat(table.refusal(OsPlatform.Windows10, "15063", IsolationType.Selective)).contains(
                "OS Platform Windows10 isn't supported for this action: Selective isolation needs build 16299"
                        + " (version 1709) or later, the device reports build 15063.");
        assertThat(table.refusal(OsPlatform.Windows10, null, IsolationType.Full)).contains(
                "OS Platform Windows10 isn't supported for this action: Full isolation needs build 15063"
                        + " (version 1703) or later, the device reports build unknown.");
    }

    @Test
    void refusal_typeNotOnThePlatform_saysSo() {
        assertThat(table.refusal(OsPlatform.WindowsServer2019, "17763", IsolationType.Selective)).contains(
                "OS Platform WindowsServer2019 isn't supported for this action. Selective isolation is not available"
                        + " on this platform.");
    }

    @Test
    void refusal_liveResponsePlatform_pointsToLiveResponse() {
        assertThat(table.refusal(OsPlatform.macOS, null, IsolationType.Full)).contains(
                "OS Platform macOS isn't supported for this action. Use live response to isolate macOS devices.");
        assertThat(table.isLiveResponsePlatform(OsPlatform.macOS)).isTrue();
        assertThat(table.isLiveResponsePlatform(OsPlatform.Linux)).isTrue();
        assertThat(table.isLiveResponsePlatform(OsPlatform.Windows10)).isFalse();
        assertThat(table.isLiveResponsePlatform(null)).isFalse();
    }

    @Test
    void refusal_platformUnknown_saysSoRatherThanNamingNull() {
        assertThat(table.refusal(null, "19045", IsolationType.Full)).contains(
                "The device's OS platform is not known, so it cannot be shown to support Full isolation.");
    }

    @Test
    void keptConnected_shippedTable_keepsTheCommunicationAppsForSelectiveAndNothingForFull() {
        assertThat(table.keptConnectedApplications(IsolationType.Selective))
                .containsExactly("Outlook", "Microsoft Teams", "Skype for Business");
        assertThat(table.keptConnectedApplications(IsolationType.Full)).isEmpty();
    }

    /** An operator's table from before the list was recorded keeps meaning what Selective meant then. */
    @Test
    void keptConnected_tableWithoutAList_isTheListOfRevision1() throws IOException {
        assertThat(load("{\"rules\": []}").keptConnectedApplications(IsolationType.Selective))
                .isEqualTo(SelectiveIsolation.REVISION_1_KEPT_CONNECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"Outlook\", \"Outlook\"]", "[\"Outlook\", \" \"]", "[null]"})
    void keptConnected_tableWithADuplicateOrBlankApplication_isRefused(String list) {
        assertThatThrownBy(() -> load("{\"rules\": [], \"selectiveKeepsConnected\": " + list + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selectiveKeepsConnected");
    }

    @Test
    void tableWithoutLiveResponsePlatforms_pointsNoOneToLiveResponse() throws IOException {
        EligibilityTable bare = load("{\"rules\": []}");
        assertThat(bare.isLiveResponsePlatform(OsPlatform.macOS)).isFalse();
        assertThat(bare.refusal(OsPlatform.macOS, null, IsolationType.Full)).contains(
                "OS Platform macOS isn't supported for this action. Full isolation is not available on this platform.");
    }

    private static EligibilityTable load(String json) throws IOException {
        return EligibilityTable.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
