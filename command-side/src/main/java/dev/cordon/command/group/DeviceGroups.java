package dev.cordon.command.group;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.error.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The configured device groups (DeviceGroupProperties): which group a registration puts a device in. The group named
 * in the registration, else the first group whose rule matches, else the default group.
 */
@Component
public class DeviceGroups {

    public static final int DEFAULT_GROUP_ID = 0;
    static final String NAMED = "Named in the registration";
    static final String DEFAULT = "Default group";

    private final List<DeviceGroupProperties.Group> groups;
    private final String defaultName;

    public DeviceGroups(DeviceGroupProperties properties) {
        this.groups = properties.groups().stream().map(g -> new DeviceGroupProperties.Group(g.id(), g.name().trim(),
                g.computerDnsNamePrefixes(), g.osPlatforms())).toList();
        this.defaultName = properties.defaultName();
    }

    /** The group of a device registered before groups existed, on the command side. */
    public String defaultName() {
        return defaultName;
    }

    /**
     * @param named the registration's {@code rbacGroupName}, or null
     * @throws RuleViolationException InvalidInput listing the groups, when {@code named} is none of them
     */
    public GroupAssignment assign(String named, String computerDnsName, OsPlatform osPlatform) {
        if (named != null) {
            return byName(named).orElseThrow(() -> new RuleViolationException(ErrorCode.InvalidInput,
                    "rbacGroupName '" + named + "' is not a device group; the groups are " + names() + "."));
        }
        for (DeviceGroupProperties.Group group : groups) {
            Optional<String> rule = matchingRule(group, computerDnsName, osPlatform);
            if (rule.isPresent()) {
                return new GroupAssignment(group.id(), group.name(), "Group rule of " + group.name() + ": "
                        + rule.get());
            }
        }
        return new GroupAssignment(DEFAULT_GROUP_ID, defaultName, DEFAULT);
    }

    private Optional<GroupAssignment> byName(String named) {
        String name = named.trim();
        if (name.equalsIgnoreCase(defaultName)) {
            return Optional.of(new GroupAssignment(DEFAULT_GROUP_ID, defaultName, NAMED));
        }
        return groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst()
                .map(g -> new GroupAssignment(g.id(), g.name(), NAMED));
    }

    private static Optional<String> matchingRule(DeviceGroupProperties.Group group, String computerDnsName,
                                                 OsPlatform osPlatform) {
        if (osPlatform != null && group.osPlatforms().contains(osPlatform)) {
            return Optional.of("osPlatform is " + osPlatform);
        }
        String dnsName = computerDnsName == null ? "" : computerDnsName.toLowerCase(Locale.ROOT);
        return group.computerDnsNamePrefixes().stream()
                .filter(prefix -> dnsName.startsWith(prefix.toLowerCase(Locale.ROOT))).findFirst()
                .map(prefix -> "computerDnsName starts with " + prefix);
    }

    /** Every group's name, the default group's last. */
    String names() {
        return groups.stream().map(DeviceGroupProperties.Group::name)
                .collect(Collectors.joining(", ", "", groups.isEmpty() ? defaultName : ", " + defaultName));
    }
}
