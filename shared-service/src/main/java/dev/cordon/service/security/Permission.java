package dev.cordon.service.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a token may do, named as Defender names its API permissions where Defender has one. Application tokens carry
 * them in the {@code roles} claim, delegated (user) tokens in {@code scp}; docs/security.md has the whole matrix.
 */
public enum Permission {
    /** Isolate, release and cancel. */
    MACHINE_ISOLATE("Machine.Isolate"),
    /** Every read: machines, actions, timeline, history, state, export, the change stream, isolation options. */
    MACHINE_READ_ALL("Machine.Read.All"),
    /** Every read, and registering or updating a device. */
    MACHINE_READ_WRITE_ALL("Machine.ReadWrite.All"),
    /** Cordon's own: the actuator (metrics, health details, the read-model rebuild), not liveness or readiness. */
    OPERATIONS("Cordon.Operations"),
    /**
     * Cordon's own: a device agent, which also needs the machine id it speaks for in its token (see
     * {@link SecurityProperties#agentMachineIdClaim()}); it may do nothing else.
     */
    AGENT("Cordon.Agent");

    private final String claimValue;

    Permission(String claimValue) {
        this.claimValue = claimValue;
    }

    /** As it appears in a token's {@code roles} or {@code scp} claim. */
    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security authority a token with this permission is granted. */
    public String authority() {
        return claimValue;
    }

    public static Optional<Permission> ofClaimValue(String value) {
        return Arrays.stream(values()).filter(p -> p.claimValue.equals(value)).findFirst();
    }
}
