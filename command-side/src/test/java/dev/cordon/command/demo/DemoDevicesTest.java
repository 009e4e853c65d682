package dev.cordon.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.api.RequestRules;
import dev.cordon.command.eligibility.IsolationEligibility;
import dev.cordon.command.eligibility.IsolationEligibilityTest;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupProperties;
import dev.cordon.command.group.DeviceGroups;
import dev.cordon.command.support.DemoDeviceGroups;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The demo fleet shows every kind of answer the eligibility table gives, and the API would accept each device. */
class DemoDevicesTest {

    private final IsolationEligibility eligibility = IsolationEligibilityTest.shippedTable();

    @Test
    void demoFleet_coversEachEligibilityOutcome() {
        Map<String, Set<IsolationType>> supported = new LinkedHashMap<>();
        for (DemoDevice device : DemoDevices.ALL) {
            Set<IsolationType> types = EnumSet.noneOf(IsolationType.class);
            for (IsolationType type : IsolationType.values()) {
                try {
                    eligibility.requireEligible(device.osPlatform(), device.osBuild(), type);
                    types.add(type);
                } catch (RuleViolationException notSupported) {
                    // this device cannot be isolated this way
                }
            }
            supported.put(device.computerDnsName().substring(0, device.computerDnsName().indexOf('.')), types);
        }
        assertThat(supported).containsExactlyInAnyOrderEntriesOf(Map.of(
                "lt-dev-0113", EnumSet.of(IsolationType.Full, IsolationType.Selective),
                "lt-hr-0042", EnumSet.of(IsolationType.Full, IsolationType.Selective),
                "ws-finance-017", EnumSet.of(IsolationType.Full),
                "kiosk-lobby-01", EnumSet.noneOf(IsolationType.class),
                "srv-file-02", EnumSet.of(IsolationType.Full),
                "mbp-design-07", EnumSet.noneOf(IsolationType.class),
                "build-agent-03", EnumSet.noneOf(IsolationType.class)));
    }

    @Test
    void demoFleet_hasWindows10AndEveryOtherFamily() {
        assertThat(DemoDevices.ALL).extracting(DemoDevice::osPlatform).contains(OsPlatform.Windows10,
                OsPlatform.Windows11, OsPlatform.WindowsServer2019, OsPlatform.macOS, OsPlatform.Linux);
    }

    @Test
    void demoFleet_showsRiskScoresAndExposureLevels_besidesDefendersNoDataValue() {
        assertThat(DemoDevices.ALL).extracting(DemoDevice::riskScore)
                .contains(RiskScore.None, RiskScore.Low, RiskScore.Medium, RiskScore.High);
        assertThat(DemoDevices.ALL).extracting(DemoDevice::exposureLevel)
                .contains(ExposureLevel.None, ExposureLevel.Medium, ExposureLevel.High);
    }

    @Test
    void demoDevices_haveStableDefenderStyleIdsTheApiAccepts() {
        assertThat(DemoDevices.ALL).extracting(DemoDevice::id)
                .allMatch(id -> id.matches("[0-9a-f]{40}"))
                .allMatch(id -> RequestRules.machineId(id).equals(id))
                .doesNotHaveDuplicates();
    }

    /** With the standalone trial's groups, the demo shows both groups filled by their rules. */
    @Test
    void demoFleet_landsInServersAndWorkstations_byTheDemoGroupsRules() {
        DeviceGroups groups = new DeviceGroups(new Binder(
                new MapConfigurationPropertySource(DemoDeviceGroups.PROPERTIES)).bindOrCreate("cordon.device-groups", DeviceGroupProperties.class));
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (DemoDevice device : DemoDevices.ALL) {
            groupOf.put(device.computerDnsName().substring(0, device.computerDnsName().indexOf('.')),
                    groups.assign(null, device.computerDnsName(), device.osPlatform()).groupName());
        }
        assertThat(groupOf).containsExactlyInAnyOrderEntriesOf(Map.of("lt-dev-0113", "Workstations",
                "lt-hr-0042", "Workstations", "ws-finance-017", "Workstations", "kiosk-lobby-01", "Workstations",
                "srv-file-02", "Servers", "mbp-design-07", "Workstations", "build-agent-03", "Servers"));
    }
}
