package dev.cordon.service.security;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The device groups a caller covers (Defender's device groups, by name, ignoring letter case). Outside them a device
 * does not exist for the caller: reads and commands answer 404 {@code ResourceNotFound}, and lists, filters, the
 * change stream and the audit export leave it out, so its existence is not leaked.
 *
 * @param all    every group, present and future (application tokens, and roles assigned without groups)
 * @param groups the groups' names when not {@code all}; empty means none at all
 */
public record DeviceScope(boolean all, Set<String> groups) {

    public static final DeviceScope ALL = new DeviceScope(true, Set.of());
    public static final DeviceScope NONE = new DeviceScope(false, Set.of());

    public DeviceScope {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (!all && groups != null) {
            groups.stream().filter(name -> name != null && !name.isBlank()).map(String::trim).forEach(names::add);
        }
        groups = Collections.unmodifiableSet(names);
    }

    public static DeviceScope only(Collection<String> groups) {
        return new DeviceScope(false, Set.copyOf(groups));
    }

    /** @param groupName a device's group; a device not yet in a group is in the default group */
    public boolean covers(String groupName) {
        return all || groupName != null && groups.contains(groupName);
    }

    /** Both limits at once: what this scope and the other both cover. */
    public DeviceScope and(DeviceScope other) {
        if (all) {
            return other;
        }
        if (other.all) {
            return this;
        }
        return only(groups.stream().filter(other::covers).toList());
    }

    /** What either covers. */
    public DeviceScope or(DeviceScope other) {
        if (all || other.all) {
            return ALL;
        }
        TreeSet<String> union = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        union.addAll(groups);
        union.addAll(other.groups);
        return only(union);
    }

    /** The names in lower case, for comparing with a lower-cased column in SQL. */
    public Set<String> lowerCaseGroups() {
        TreeSet<String> lower = new TreeSet<>();
        groups.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
