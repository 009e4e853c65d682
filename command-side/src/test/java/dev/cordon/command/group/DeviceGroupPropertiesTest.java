package dev.cordon.command.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.support.DemoDeviceGroups;
import dev.cordon.events.device.OsPlatform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code cordon.device-groups.*} as Spring binds it, and the mistakes that stop the service at start. */
class DeviceGroupPropertiesTest {

    @Test
    void demoGroups_bindFromProperties_withTheDefaultGroupUnassigned() {
        DeviceGroupProperties properties = bind(DemoDeviceGroups.PROPERTIES);
        assertThat(properties.defaultName()).isEqualTo("Unassigned");
        assertThat(properties.groups()).extracting(DeviceGroupProperties.Group::name)
                .containsExactly("Servers", "Workstations");
        assertThat(properties.groups().get(0).osPlatforms()).contains(OsPlatform.WindowsServer2019, OsPlatform.Linux);
        assertThat(properties.groups().get(1).computerDnsNamePrefixes()).isEmpty();
    }

    @Test
    void noGroups_putsEveryDeviceInTheDefaultGroup() {
        DeviceGroups groups = new DeviceGroups(bind(Map.of()));
        assertThat(groups.assign(null, "srv-01", OsPlatform.WindowsServer2019))
                .isEqualTo(new GroupAssignment(0, "Unassigned", "Default group"));
    }

    @Test
    void dnsNamePrefix_matchesIgnoringLetterCase_afterTheEarlierGroupsRules() {
        DeviceGroups groups = new DeviceGroups(new DeviceGroupProperties(List.of(
                new DeviceGroupProperties.Group(7, "Kiosks", List.of("KIOSK-"), List.of()),
                new DeviceGroupProperties.Group(3, "Windows", List.of(), List.of(OsPlatform.Windows10))), "Other"));
        assertThat(groups.assign(null, "kiosk-lobby-01.corp.example", OsPlatform.Windows10))
                .isEqualTo(new GroupAssignment(7, "Kiosks",
                        "Group rule of Kiosks: computerDnsName starts with KIOSK-"));
        assertThat(groups.assign(null, "lt-01", OsPlatform.Windows10).groupName()).isEqualTo("Windows");
        assertThat(groups.assign("other", "lt-01", OsPlatform.Windows10))
                .isEqualTo(new GroupAssignment(0, "Other", "Named in the registration"));
    }

    @Test
    void aRepeatedId_stopsTheStart() {
        assertRefused(Map.of("cordon.device-groups.groups[0].id", "1", "cordon.device-groups.groups[0].name", "A",
                "cordon.device-groups.groups[1].id", "1", "cordon.device-groups.groups[1].name", "B"),
                "cordon.device-groups.groups[1].id 1 is the id of another group too");
    }

    @Test
    void aRepeatedName_ignoringCase_stopsTheStart() {
        assertRefused(Map.of("cordon.device-groups.groups[0].id", "1", "cordon.device-groups.groups[0].name", "Servers",
                "cordon.device-groups.groups[1].id", "2", "cordon.device-groups.groups[1].name", "SERVERS"),
                "'SERVERS' is already the name of another group");
        assertRefused(Map.of("cordon.device-groups.groups[0].id", "1",
                "cordon.device-groups.groups[0].name", "unassigned"), "or of the default group");
    }

    @Test
    void anIdBelowOne_orNoName_stopsTheStart() {
        assertRefused(Map.of("cordon.device-groups.groups[0].id", "0", "cordon.device-groups.groups[0].name", "A"),
                "must be a whole number of at least 1");
        assertRefused(Map.of("cordon.device-groups.groups[0].id", "4"), "cordon.device-groups.groups[0].name is"
                + " required.");
    }

    private static void assertRefused(Map<String, String> properties, String sentence) {
        assertThatThrownBy(() -> bind(properties)).isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(sentence);
    }

    private static DeviceGroupProperties bind(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("cordon.device-groups", DeviceGroupProperties.class);
    }
}
