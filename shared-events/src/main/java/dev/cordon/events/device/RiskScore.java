package dev.cordon.events.device;

/**
 * A device's risk score, spelled as the Defender API spells it; {@code None} is Defender's value when it has no
 * data. Cordon assesses nothing itself: the score comes with the registration from the inventory.
 */
public enum RiskScore {
    None,
    Informational,
    Low,
    Medium,
    High
}
