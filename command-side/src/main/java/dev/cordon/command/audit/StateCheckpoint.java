package dev.cordon.command.audit;

/**
 * A device's {@link FoldedState} after its event {@code sequence}, as {@code device_state_checkpoint} keeps it.
 *
 * @param previousSequence the checkpoint before it, -1 for none: {@code eventsSha256} chains from that one's hash over
 *                         the events after it up to {@code sequence}
 * @param latestEventTime  the latest stored timestamp of the events up to {@code sequence}, epoch milliseconds
 *                         rounded up: the fold passes this checkpoint for any instant at or after it
 */
record StateCheckpoint(long sequence, long previousSequence, long latestEventTime, byte[] eventsSha256,
                       FoldedState folded) {
}
