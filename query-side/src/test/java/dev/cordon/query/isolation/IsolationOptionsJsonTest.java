package dev.cordon.query.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.eligibility.EligibilityTable;
import dev.cordon.query.machine.MachineView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The isolate dialog's options for each device of the command side's demo fleet (DemoDevices): every kind of
 * answer the table gives, with the command side's words.
 */
class IsolationOptionsJsonTest {

    private static final List<String> KEPT = List.of("Outlook", "Microsoft Teams", "Skype for Business");
    private static final String W10_FULL_NEEDS = "OS Platform Windows10 isn't supported for this action: Full"
            + " isolation needs build 15063 (version 1703) or later, the device reports build ";
    private static final String W10_SELECTIVE_NEEDS = "OS Platform Windows10 isn't supported for this action:"
            + " Selective isolation needs build 16299 (version 1709) or later, the device reports build ";

    private final EligibilityTable table = EligibilityTable.shipped();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "Windows11         | 22631 | false | null | null",
            "Windows10         | 19045 | false | null | null",
            "Windows10         | 15063 | false | null | " + W10_SELECTIVE_NEEDS + "15063.",
            "Windows10         | 14393 | false | " + W10_FULL_NEEDS + "14393. | " + W10_SELECTIVE_NEEDS + "14393.",
            "WindowsServer2019 | 17763 | false | null | OS Platform WindowsServer2019 isn't supported for this action."
                    + " Selective isolation is not available on this platform.",
            "macOS             | null  | true  | OS Platform macOS isn't supported for this action. Use live response"
                    + " to isolate macOS devices. | OS Platform macOS isn't supported for this action. Use live"
                    + " response to isolate macOS devices.",
            "Linux             | null  | true  | OS Platform Linux isn't supported for this action. Use live response"
                    + " to isolate Linux devices. | OS Platform Linux isn't supported for this action. Use live"
                    + " response to isolate Linux devices.",
    })
    void options_demoDevice_areWhatTheCommandSideWouldSay(OsPlatform platform, String build, boolean liveResponse,
                                                          String fullReason, String selectiveReason) {
        IsolationOptionsJson json = IsolationOptionsJson.of(device(platform, build), table, "ctx");

        assertThat(json.machineId()).isEqualTo("m1");
        assertThat(json.osPlatform()).isEqualTo(platform);
        assertThat(json.osBuild()).isEqualTo(build);
        assertThat(json.liveResponse()).isEqualTo(liveResponse);
        assertThat(json.options()).containsExactly(
                new IsolationOptionJson(IsolationType.Full, fullReason == null, fullReason, List.of()),
                new IsolationOptionJson(IsolationType.Selective, selectiveReason == null, selectiveReason, KEPT));
    }

    @Test
    void options_platformUnknownToTheReadModel_supportNothing() {
        IsolationOptionsJson json = IsolationOptionsJson.of(device(null, null), table, "ctx");

        assertThat(json.liveResponse()).isFalse();
        assertThat(json.options()).extracting(IsolationOptionJson::supported).containsExactly(false, false);
        assertThat(json.options().get(0).reason()).isEqualTo(
                "The device's OS platform is not known, so it cannot be shown to support Full isolation.");
    }

    @Test
    void json_hasTheContractsFieldsInOrder_andWritesANullReason() {
        JsonNode node = new ObjectMapper().valueToTree(
                IsolationOptionsJson.of(device(OsPlatform.Windows10, "15063"), table, "http://h/api/$metadata#x"));

        assertThat(names(node)).containsExactly("@odata.context", "machineId", "osPlatform", "osBuild",
                "liveResponse", "options");
        JsonNode full = node.get("options").get(0);
        assertThat(names(full)).containsExactly("isolationType", "supported", "reason", "keptConnectedApplications");
        assertThat(full.get("reason").isNull()).isTrue();
        assertThat(full.get("keptConnectedApplications").isArray()).isTrue();
        assertThat(node.get("options").get(1).get("isolationType").asText()).isEqualTo("Selective");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static MachineView device(OsPlatform platform, String build) {
        return new MachineView("m1", "host.corp.example", platform, build, null, null, RiskScore.None,
                ExposureLevel.None, null, IsolationState.NotIsolated, null, null, null, null, null, null, List.of(), null,
                null);
    }
}
