package dev.cordon.events.action;

/** Machine action types, spelled as the Defender API spells them. */
public enum ActionType {
    Isolate,
    Unisolate
}
