package dev.cordon.query.rebuild;

/** Published (synchronously, on the rebuild's thread) whenever a rebuild enters a phase. */
public record ReadModelRebuildPhaseChanged(RebuildStatus status) {
}
