package dev.cordon.query.machine;

import java.time.Instant;

/**
 * What the machine entity shows of a device's presence (its agent's polls, copied by PresenceSync); all null for a
 * device whose agent never called.
 */
record MachinePresence(Instant firstContact, Instant lastSeen, String lastIpAddress, String lastExternalIpAddress,
                       String healthStatus) {

    static final MachinePresence NEVER = new MachinePresence(null, null, null, null, null);

    /** Defender's: Onboarded once the agent has called; a device only an inventory registered can be onboarded. */
    String onboardingStatus() {
        return firstContact == null ? "CanBeOnboarded" : "Onboarded";
    }

    /** Active while seen within the threshold, Inactive after it and before any contact. */
    String health() {
        return healthStatus == null ? "Inactive" : healthStatus;
    }
}
