package dev.cordon.service.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A person's role, as Defender's roles are built from its permissions: what a signed-in analyst (or a delegated
 * token acting for one) may do is what the token's scopes allow and the role allows, both at once.
 */
public enum CordonRole {
    /** Defender's "View data": every read. */
    VIEWER("Viewer", "View data", EnumSet.of(Permission.MACHINE_READ_ALL)),
    /** "View data" and "Active remediation actions": isolate, release, cancel. */
    RESPONDER("Responder", "Active remediation actions",
            EnumSet.of(Permission.MACHINE_READ_ALL, Permission.MACHINE_ISOLATE)),
    /** Everything a person may do: also devices' registration, device groups, users and clients, operations. */
    ADMINISTRATOR("Administrator", "Manage security settings",
            EnumSet.of(Permission.MACHINE_READ_ALL, Permission.MACHINE_ISOLATE, Permission.MACHINE_READ_WRITE_ALL,
                    Permission.OPERATIONS));

    private final String displayName;
    private final String defenderPermission;
    private final Set<Permission> permissions;

    CordonRole(String displayName, String defenderPermission, Set<Permission> permissions) {
        this.displayName = displayName;
        this.defenderPermission = defenderPermission;
        this.permissions = permissions;
    }

    /** As configured and shown: Viewer, Responder, Administrator. */
    public String displayName() {
        return displayName;
    }

    /** The Defender permission that makes the role what it is, as Defender's role editor names it. */
    public String defenderPermission() {
        return defenderPermission;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The value of the {@code roles} claim the built-in token service writes, and the default mapping reads. */
    public String claimValue() {
        return "Cordon." + displayName;
    }

    public static Optional<CordonRole> named(String name) {
        return Arrays.stream(values()).filter(role -> role.displayName.equalsIgnoreCase(name)
                || role.name().equalsIgnoreCase(name) || role.claimValue().equalsIgnoreCase(name)).findFirst();
    }
}
