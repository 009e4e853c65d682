package dev.cordon.command.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device groups the standalone trial configures (standalone's ServiceEnvironment.demoDeviceGroups), for every
 * test instance of the command side: servers and workstations by OS platform, everything else in the default group.
 * The demo devices land in them by rule.
 */
public final class DemoDeviceGroups {

    public static final Map<String, String> PROPERTIES = properties();

    private DemoDeviceGroups() {
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cordon.device-groups.groups[0].id", "1");
        properties.put("cordon.device-groups.groups[0].name", "Servers");
        properties.put("cordon.device-groups.groups[0].os-platforms",
                "WindowsServer2012R2,WindowsServer2016,WindowsServer2019,WindowsServer2022,Linux");
        properties.put("cordon.device-groups.groups[1].id", "2");
        properties.put("cordon.device-groups.groups[1].name", "Workstations");
        properties.put("cordon.device-groups.groups[1].os-platforms", "Windows10,Windows11,macOS");
        return properties;
    }

    /** As command-line arguments. */
    public static String[] args() {
        return PROPERTIES.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
