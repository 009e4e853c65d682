package dev.cordon.query.rebuild;

/**
 * What {@code GET /actuator/readmodels} answers: the running or the last rebuild. Times are ISO-8601 strings and
 * durations seconds, so that the body reads the same whatever JSON settings the actuator uses.
 *
 * @param requestedSource as asked for ({@code auto} included); {@code source} is what was read
 * @param eventsTotal     an estimate: the topic's records or the event store's index range when the rebuild began,
 *                        plus whatever the catch-up read
 * @param eventsSkipped   records the live consumer would skip too (poison, unknown types, rejected data)
 * @param eventsPerSecond events done per second while the history was read (building and catching up; the
 *                        verification and the switch are in {@code elapsedSeconds} only)
 * @param etaSeconds      estimated time left while building; null when it cannot be estimated yet
 */
public record RebuildStatus(
        String id,
        RebuildPhase phase,
        RebuildSource requestedSource,
        RebuildSource source,
        RebuildMode mode,
        String startedAt,
        String finishedAt,
        double elapsedSeconds,
        long eventsDone,
        long eventsTotal,
        long eventsSkipped,
        double eventsPerSecond,
        Double etaSeconds,
        String failure,
        Verification verification) {

    static RebuildStatus idle() {
        return new RebuildStatus(null, RebuildPhase.IDLE, null, null, null, null, null, 0, 0, 0, 0, 0, null, null,
                null);
    }
}
