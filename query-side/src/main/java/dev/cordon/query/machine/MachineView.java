package dev.cordon.query.machine;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import java.time.Instant;
import java.util.List;

/**
 * A device as the read side knows it: its reported details (the risk score and exposure level as the registering
 * inventory reported them), its device group (null for a device that has had no group event: only callers covering
 * every group see it) and where its isolation stands.
 */
public record MachineView(
        String id,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        RiskScore riskScore,
        ExposureLevel exposureLevel,
        Instant firstSeen,
        IsolationState isolationState,
        IsolationType isolationScope,
        String pendingActionId,
        String lastActionId,
        ActionType lastActionType,
        ActionStatus lastActionStatus,
        Instant lastUpdate,
        List<String> machineTags,
        Integer rbacGroupId,
        String rbacGroupName) {

    /**
     * A device whose registration was never seen (e.g. expired from the topic): details unknown, not isolated, and
     * Defender's no-data value for what no inventory reported.
     */
    public static MachineView unknown(String id) {
        return new MachineView(id, null, null, null, null, null, RiskScore.None, ExposureLevel.None, null,
                IsolationState.NotIsolated, null, null, null, null, null, null, List.of(), null,
                null);
    }

    public MachineView withDetails(String dnsName, OsPlatform platform, String build, String ver, String aadId,
                                   RiskScore risk, ExposureLevel exposure, Instant at) {
        return new MachineView(id, dnsName, platform, build, ver, aadId, risk, exposure,
                firstSeen == null ? at : firstSeen, isolationState, isolationScope, pendingActionId, lastActionId,
                lastActionType, lastActionStatus, at, machineTags, rbacGroupId, rbacGroupName);
    }

    public MachineView withAction(IsolationState state, IsolationType scope, String pending, String actionId,
                           ActionType actionType, ActionStatus actionStatus, Instant at) {
        return new MachineView(id, computerDnsName, osPlatform, osBuild, version, aadDeviceId, riskScore,
                exposureLevel, firstSeen, state, scope, pending, actionId, actionType, actionStatus, at, machineTags,
                rbacGroupId, rbacGroupName);
    }

    /** Tags change no isolation; {@code lastUpdate} moves with them, as with any event of the device. */
    public MachineView withTags(List<String> tags, Instant at) {
        return new MachineView(id, computerDnsName, osPlatform, osBuild, version, aadDeviceId, riskScore,
                exposureLevel, firstSeen, isolationState, isolationScope, pendingActionId, lastActionId,
                lastActionType, lastActionStatus, at, List.copyOf(tags), rbacGroupId, rbacGroupName);
    }

    /** A group changes no isolation; {@code lastUpdate} moves with it, as with any event of the device. */
    public MachineView withGroup(int groupId, String groupName, Instant at) {
        return new MachineView(id, computerDnsName, osPlatform, osBuild, version, aadDeviceId, riskScore,
                exposureLevel, firstSeen, isolationState, isolationScope, pendingActionId, lastActionId,
                lastActionType, lastActionStatus, at, machineTags, groupId, groupName);
    }
}
