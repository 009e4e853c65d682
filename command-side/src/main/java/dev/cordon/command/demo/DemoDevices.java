package dev.cordon.command.demo;

import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import java.util.List;
import java.util.Map;

/**
 * The demo fleet. Chosen so that each row of isolation-eligibility.json shows: Windows 10 before 1703 supports
 * no isolation, 1703 only Full, 1709 and later also Selective; servers only Full; macOS and Linux point to live
 * response. The oldest Windows and the file server carry an inventory's risk score and exposure level, so that the
 * dashboard and a first client show real values next to Defender's no-data None. The ids are fixed (40 hex digits,
 * like Defender's machine ids) so that a restart finds the same devices instead of adding new ones.
 */
public final class DemoDevices {

    public static final List<DemoDevice> ALL = List.of(
            // Windows 11: Full and Selective
            new DemoDevice("38b22184fc2ac84711103b1e24d1589c11e2d0fa", "lt-dev-0113.corp.example",
                    OsPlatform.Windows11, "22631", "23H2", "891e3024-e8ee-422f-808f-d1570c184011"),
            // Windows 10 22H2: Full and Selective
            new DemoDevice("4897f943800f91cac429c93e22b7f90010ddcb61", "lt-hr-0042.corp.example",
                    OsPlatform.Windows10, "19045", "22H2", "5d20986a-85d4-4b98-8bab-2969088875b8"),
            // Windows 10 1703: Full only (Selective needs 1709, build 16299)
            new DemoDevice("272557aa52bffdb3f84c4e4c06b7175e0456b7c5", "ws-finance-017.corp.example",
                    OsPlatform.Windows10, "15063", "1703", "e2977c3e-37a7-4c57-84a5-86fa01335bde", RiskScore.Medium,
                    ExposureLevel.Medium),
            // Windows 10 1607: neither (Full needs 1703, build 15063)
            new DemoDevice("4f70f6ff33e88d8c41fa32bededa5ab7ca1c63f1", "kiosk-lobby-01.corp.example",
                    OsPlatform.Windows10, "14393", "1607", null, RiskScore.High, ExposureLevel.High),
            // Windows Server 2019: Full only
            new DemoDevice("bf0b1c72161e8a2dca3aa4f4f73bbf2f79898753", "srv-file-02.corp.example",
                    OsPlatform.WindowsServer2019, "17763", "1809", null, RiskScore.Low, ExposureLevel.Medium),
            // macOS and Linux: isolated through live response, not this API
            new DemoDevice("3e5bbc843d3f0d1b503e05354f8ada9a34256f0b", "mbp-design-07.corp.example",
                    OsPlatform.macOS, null, "14.5", null),
            new DemoDevice("a2c4c0c7009beade1534b16186bb2f81260bc1c2", "build-agent-03.corp.example",
                    OsPlatform.Linux, null, "22.04", null));

    /** Tags a SOC would have put on some of them (Defender's machineTags), so the demo shows and filters tags. */
    public static final Map<String, List<String>> TAGS = Map.of(
            "bf0b1c72161e8a2dca3aa4f4f73bbf2f79898753", List.of("Servers", "Finance"),
            "272557aa52bffdb3f84c4e4c06b7175e0456b7c5", List.of("Finance"));

    /** The demo's tags of one device, none for most. */
    public static List<String> tagsOf(DemoDevice device) {
        return TAGS.getOrDefault(device.id(), List.of());
    }

    private DemoDevices() {
    }
}
