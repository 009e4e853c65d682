package dev.cordon.events.bulk;

/**
 * A target the rules refused, with the error the single-device API would have answered for it.
 *
 * @param errorCode an {@link dev.cordon.events.error.ErrorCode} name
 */
public record BulkRefusal(String machineId, String errorCode, String message) {
}
