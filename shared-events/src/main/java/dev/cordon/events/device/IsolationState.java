package dev.cordon.events.device;

public enum IsolationState {
    NotIsolated,
    IsolationPending,
    Isolated,
    ReleasePending
}
