package dev.cordon.identity.store;

import java.time.Instant;
import java.util.List;

/**
 * One client of the built-in token service, as stored: never its secret, only the secret's hash.
 *
 * @param clientId     what the client sends as {@code client_id}, a GUID as Entra ID's application ids are
 * @param name         the display name, recorded as the requestor of what the client does
 * @param secretHash   the client secret's hash, in Spring Security's {@code {id}hash} format
 * @param permissions  the permission names its tokens carry in {@code roles}
 * @param machineId    for a device agent's client, the one machine it speaks for; else null
 * @param deviceGroups the device groups its tokens are limited to ({@code cordon_device_groups}); empty: every group
 *                     (also for clients stored before groups existed, whose entries lack the field)
 */
public record ClientEntry(String clientId, String name, String secretHash, List<String> permissions,
                          String machineId, Instant createdAt, List<String> deviceGroups) {

    public ClientEntry {
        permissions = List.copyOf(permissions);
        deviceGroups = deviceGroups == null ? List.of() : List.copyOf(deviceGroups);
    }
}
