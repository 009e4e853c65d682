package dev.cordon.service.security;

/**
 * The token claims Cordon reads, named as Entra ID names them (so an Entra ID token works unchanged), and the one
 * Cordon adds for device agents. The built-in token service writes the same names.
 */
public final class Claims {

    /** Application permissions (client credentials). */
    public static final String ROLES = "roles";
    /** Delegated permissions (a user's token), space-separated. */
    public static final String SCOPES = "scp";
    /** The client: Entra ID v1 tokens say {@code appid}, v2 tokens {@code azp}. */
    public static final String APP_ID = "appid";
    public static final String AUTHORIZED_PARTY = "azp";
    /** The client's display name, the requestor of what it does. */
    public static final String APP_DISPLAY_NAME = "app_displayname";
    public static final String TENANT = "tid";
    /** A user's name: the UPN in Entra ID, {@code preferred_username} in Entra ID v2 and Keycloak. */
    public static final String UPN = "upn";
    public static final String PREFERRED_USERNAME = "preferred_username";
    /** A person's groups in the identity provider (Entra ID, Keycloak), which may name a Cordon role. */
    public static final String GROUPS = "groups";
    /**
     * Cordon's own: the device groups a token is limited to (a user's of the built-in token service, or a client the
     * operator limited). Absent, the token's role assignment decides; an application's covers every group.
     */
    public static final String DEVICE_GROUPS = "cordon_device_groups";
    /** The machine a device agent's token speaks for (the default of {@code cordon.security.agent-machine-claim}). */
    public static final String MACHINE_ID = "cordon_machine_id";

    private Claims() {
    }
}
