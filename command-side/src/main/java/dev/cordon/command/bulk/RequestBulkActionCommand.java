package dev.cordon.command.bulk;

import dev.cordon.command.device.ActionRequest;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.bulk.BulkRefusal;
import dev.cordon.service.security.DeviceScope;
import java.util.List;

/**
 * Creates a bulk. {@code machineIds} are the targets to dispatch (de-duplicated, registered and in the caller's
 * groups, in request order); {@code refusedAtRequest} the ids the caller sent that name no device it may see, refused
 * at once as ResourceNotFound so that an unknown device and a hidden one read alike.
 *
 * @param filter    the $filter as sent, null when MachineIds were sent
 * @param scope     the caller's device groups, which every target's command carries
 * @param requestId the request's own id, with the caller's (nullable): the audit metadata of every target's command
 */
public record RequestBulkActionCommand(
        String bulkId,
        ActionType actionType,
        IsolationType isolationType,
        String filter,
        List<String> machineIds,
        List<BulkRefusal> refusedAtRequest,
        ActionRequest request,
        DeviceScope scope,
        String requestId,
        String callerRequestId) {

    public RequestBulkActionCommand {
        machineIds = List.copyOf(machineIds);
        refusedAtRequest = List.copyOf(refusedAtRequest);
    }

    public int targeted() {
        return machineIds.size() + refusedAtRequest.size();
    }
}
