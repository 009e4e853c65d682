package dev.cordon.command.agent;

import dev.cordon.command.api.MachineActionResponse;
import java.util.List;

/** Body of GET /api/agent/machines/{id}/pendingactions: {"value": [...]}, as an OData collection. */
public record PendingActions(List<MachineActionResponse> value) {
}
