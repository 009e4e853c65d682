package dev.cordon.events.device;

/**
 * A device's exposure level, spelled as the Defender API spells it; {@code None} is Defender's value when it has no
 * data. Cordon assesses nothing itself: the level comes with the registration from the inventory.
 */
public enum ExposureLevel {
    None,
    Low,
    Medium,
    High
}
