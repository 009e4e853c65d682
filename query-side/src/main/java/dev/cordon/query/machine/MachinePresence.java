package dev.cordon.query.machine;

import java.time.Instant;

/**
 * What the machine entity shows of a device's presence (its agent's polls, copied by PresenceSync): the instants and
 * addresses are null for a device whose agent never called; the two statuses are derived by {@link #HEALTH_STATUS}
 * and {@link #ONBOARDING_STATUS}, which {@code $filter} compares too, so the answer and the filter cannot differ.
 */
record MachinePresence(Instant lastSeen, String lastIpAddress, String lastExternalIpAddress, String healthStatus,
                       String onboardingStatus) {

    /** Active while seen within the threshold (PresenceSync keeps health_status), Inactive after it and before any. */
    static final String HEALTH_STATUS = "COALESCE(health_status, 'Inactive')";

    /** Defender's: Onboarded once the agent has called; a device only an inventory registered can be onboarded. */
    static final String ONBOARDING_STATUS =
            "CASE WHEN first_contact IS NULL THEN 'CanBeOnboarded' ELSE 'Onboarded' END";
}
