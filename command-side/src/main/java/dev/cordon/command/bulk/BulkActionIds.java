package dev.cordon.command.bulk;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A target's action id, derived from the bulk and the machine (a name-based UUID): a dispatch resumed after a crash,
 * or run twice by two replicas, sends the same action id again, which the device refuses or the action index shows as
 * already there, so no target ever gets a second action.
 */
final class BulkActionIds {

    private BulkActionIds() {
    }

    static String actionIdOf(String bulkId, String machineId) {
        return UUID.nameUUIDFromBytes(("cordon-bulk:" + bulkId + ":" + machineId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
