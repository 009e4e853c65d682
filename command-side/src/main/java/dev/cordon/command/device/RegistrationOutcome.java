package dev.cordon.command.device;

public enum RegistrationOutcome {
    REGISTERED,
    UPDATED,
    UNCHANGED
}
