package dev.cordon.command.device;

/** The {@code Action} of Defender's tag call, spelt as it is. */
public enum TagChange {
    Add,
    Remove
}
