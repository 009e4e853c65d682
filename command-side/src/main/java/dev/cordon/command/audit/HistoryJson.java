package dev.cordon.command.audit;

import java.util.List;

/** {@code GET /api/machines/{id}/history}: every stored event of the device, in sequence order. */
record HistoryJson(String machineId, List<HistoryEntryJson> value) {
}
