package dev.cordon.events.action;

/** Machine action statuses, spelled as the Defender API spells them. */
public enum ActionStatus {
    Pending,
    InProgress,
    Succeeded,
    Failed,
    TimeOut,
    Cancelled;

    public boolean isFinal() {
        return this != Pending && this != InProgress;
    }
}
