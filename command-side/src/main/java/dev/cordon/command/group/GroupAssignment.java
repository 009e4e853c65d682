package dev.cordon.command.group;

/**
 * The device group a registration puts a device in, and why: decided before the command is sent, from the
 * configuration alone, so the aggregate only compares it with the group the device is in.
 *
 * @param reason a plain sentence for the audit trail, e.g. "Group rule of Servers: osPlatform is WindowsServer2019"
 */
public record GroupAssignment(int groupId, String groupName, String reason) {
}
