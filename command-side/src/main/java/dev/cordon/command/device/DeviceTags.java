package dev.cordon.command.device;

import java.util.List;

/** The device as a tag change left it: what the tag call answers, from the command's own result. */
public record DeviceTags(String deviceId, String computerDnsName, String aadDeviceId, List<String> machineTags) {
}
