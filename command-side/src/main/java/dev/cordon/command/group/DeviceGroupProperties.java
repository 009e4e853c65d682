package dev.cordon.command.group;

import dev.cordon.events.device.OsPlatform;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cordon.device-groups.*}: Defender's device groups, in the order their rules are tried. Checked at start, so
 * a mistyped list stops the service instead of putting devices in the wrong group.
 *
 * @param groups      tried in order; the first whose rule matches a registration takes the device
 * @param defaultName the group (id 0) of a device no rule matches
 */
@ConfigurationProperties(prefix = "cordon.device-groups")
public record DeviceGroupProperties(List<Group> groups, @DefaultValue("Unassigned") String defaultName) {

    /**
     * One group. Either rule matching is enough; a group without rules takes only devices registered with its name.
     *
     * @param computerDnsNamePrefixes the device's DNS name starts with one of these, ignoring letter case
     * @param osPlatforms             the device's OS platform is one of these
     */
    public record Group(Integer id, String name, List<String> computerDnsNamePrefixes, List<OsPlatform> osPlatforms) {

        public Group {
            computerDnsNamePrefixes = computerDnsNamePrefixes == null ? List.of()
                    : computerDnsNamePrefixes.stream().filter(p -> p != null && !p.isBlank()).map(String::trim)
                    .toList();
            osPlatforms = osPlatforms == null ? List.of() : List.copyOf(osPlatforms);
        }
    }

    public DeviceGroupProperties {
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (defaultName == null || defaultName.isBlank()) {
            throw new IllegalArgumentException("cordon.device-groups.default-name must name the default group.");
        }
        defaultName = defaultName.trim();
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>(Set.of(defaultName.toLowerCase(Locale.ROOT)));
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            String at = "cordon.device-groups.groups[" + i + "]";
            if (group.id() == null || group.id() < 1) {
                throw new IllegalArgumentException(at + ".id must be a whole number of at least 1 (0 is the default"
                        + " group's), was " + group.id() + ".");
            }
            if (group.name() == null || group.name().isBlank()) {
                throw new IllegalArgumentException(at + ".name is required.");
            }
            if (!ids.add(group.id())) {
                throw new IllegalArgumentException(at + ".id " + group.id() + " is the id of another group too;"
                        + " each group needs its own.");
            }
            if (!names.add(group.name().trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(at + ".name '" + group.name().trim() + "' is already the name of"
                        + " another group or of the default group (names compare ignoring letter case).");
            }
        }
    }
}
