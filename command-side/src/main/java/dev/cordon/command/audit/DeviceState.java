package dev.cordon.command.audit;

import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.IsolationState;
import java.util.List;

/**
 * Where a device's isolation stood after some of its events. {@code scope} and {@code keptConnectedApplications}
 * describe the isolation in place (state Isolated or ReleasePending) and are null otherwise; an isolation that is
 * only requested is described by {@code openAction}.
 */
record DeviceState(IsolationState state, IsolationType scope, List<String> keptConnectedApplications,
                   OpenActionState openAction) {

    /** A registered device that was never isolated. */
    static final DeviceState REGISTERED = new DeviceState(IsolationState.NotIsolated, null, null, null);
}
