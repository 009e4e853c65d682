package dev.cordon.identity.users;

import dev.cordon.service.security.CordonRole;
import java.time.Instant;
import java.util.List;

/**
 * A person who signs in to the dashboard, as stored: never the password, only its Argon2id hash.
 *
 * @param name         what the person types as user name; also {@code preferred_username}, {@code upn} and
 *                     {@code name} in its tokens, and so the requestor of what it does
 * @param role         what it may do
 * @param deviceGroups the device groups it covers ({@code cordon_device_groups}); empty: every group
 * @param passwordHash Spring Security's Argon2 encoding, {@code $argon2id$...}
 */
public record UserEntry(String name, CordonRole role, List<String> deviceGroups, String passwordHash,
                        Instant createdAt) {

    public UserEntry {
        deviceGroups = deviceGroups == null ? List.of() : List.copyOf(deviceGroups);
    }

    /** "device groups Servers, Workstations" or "every device group", as the command line says it. */
    public String groupsText() {
        return deviceGroups.isEmpty() ? "every device group" : "device groups " + String.join(", ", deviceGroups);
    }
}
