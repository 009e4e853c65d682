package dev.cordon.service.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a person's token becomes a Cordon role and the device groups it covers ({@code cordon.security.users.*}).
 * The values of the {@code claims} (by default {@code roles} and {@code groups}) are looked up in the assignments, so an
 * Entra ID app role or group, or a Keycloak role or group, can be a Cordon role limited to some device groups.
 * The built-in token service writes {@code Cordon.Viewer}, {@code Cordon.Responder} or {@code Cordon.Administrator}
 * in {@code roles}, which the default assignments map, and the user's groups in {@code cordon_device_groups}.
 *
 * @param claims      the claims whose values name assignments
 * @param assignments what each claim value makes its holder; without any configured, the three defaults
 */
@ConfigurationProperties("cordon.security.users")
public record UserRoleProperties(List<String> claims, List<Assignment> assignments) {

    /**
     * @param claimValue   a value of one of the claims (an app role's value, a group's name or object id)
     * @param role         Viewer, Responder or Administrator
     * @param deviceGroups the device groups the role covers for its holder; none named means every group
     */
    public record Assignment(String claimValue, String role, List<String> deviceGroups) {

        public Assignment {
            deviceGroups = deviceGroups == null ? List.of() : List.copyOf(deviceGroups);
        }

        public CordonRole cordonRole() {
            return CordonRole.named(role).orElseThrow(() -> new IllegalArgumentException("cordon.security.users:"
                    + " the assignment of '" + claimValue + "' names role '" + role + "'; the roles are "
                    + Arrays.stream(CordonRole.values()).map(CordonRole::displayName).toList()));
        }

        public DeviceScope scope() {
            return deviceGroups.isEmpty() ? DeviceScope.ALL : DeviceScope.only(deviceGroups);
        }
    }

    public UserRoleProperties {
        claims = claims == null || claims.isEmpty() ? List.of(Claims.ROLES, Claims.GROUPS) : List.copyOf(claims);
        if (assignments == null || assignments.isEmpty()) {
            List<Assignment> defaults = new ArrayList<>();
            for (CordonRole role : CordonRole.values()) {
                defaults.add(new Assignment(role.claimValue(), role.displayName(), List.of()));
            }
            assignments = List.copyOf(defaults);
        } else {
            assignments = List.copyOf(assignments);
        }
        assignments.forEach(Assignment::cordonRole); // a misspelt role stops the start, not a user later
    }

    public static UserRoleProperties defaults() {
        return new UserRoleProperties(null, null);
    }
}
