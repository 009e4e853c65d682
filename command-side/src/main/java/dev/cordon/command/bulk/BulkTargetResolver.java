package dev.cordon.command.bulk;

import dev.cordon.command.alias.DeviceAliases;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupIndex;
import dev.cordon.events.bulk.BulkRefusal;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.security.DeviceScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The machine ids a caller sent, as the targets of its bulk: each name resolved as a single isolate resolves it (an
 * aadDeviceId names its device, DeviceAliases), duplicates dropped, request order kept. A name that is no device the
 * caller may see is refused at once with the single isolate's answer, ResourceNotFound and its words, whether the
 * device does not exist or is outside the caller's groups: the bulk tells the two apart no more than a single call.
 * Looked up in sets of ids, not one query per id: a bulk of 10,000 is answered at once.
 */
@Component
class BulkTargetResolver {

    private static final int LOOKUP = 500;

    /** @param refused each with the id as the caller sent it */
    record Targets(List<String> machineIds, List<BulkRefusal> refused) {
    }

    private final JdbcTemplate jdbc;
    private final DeviceAliases aliases;
    private final DeviceGroupIndex groups;

    BulkTargetResolver(JdbcTemplate jdbc, DeviceAliases aliases, DeviceGroupIndex groups) {
        this.jdbc = jdbc;
        this.aliases = aliases;
        this.groups = groups;
    }

    /** @param sent valid machine ids (RequestRules), without duplicates, in request order */
    Targets resolve(List<String> sent, DeviceScope scope) {
        Set<String> registered = registered(sent, Optional.empty());
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, BulkRefusal> refused = new LinkedHashMap<>();
        for (String id : sent) {
            if (registered.contains(id)) {
                named.put(id, id);
                continue;
            }
            try {
                named.put(id, aliases.machineIdOf(id, scope));
            } catch (RuleViolationException e) {
                refused.put(id, new BulkRefusal(id, e.code().name(), e.getMessage()));
            }
        }
        Set<String> covered = registered(new ArrayList<>(new LinkedHashSet<>(named.values())),
                groups.condition(scope, "a.device_id"));
        Set<String> targets = new LinkedHashSet<>();
        named.forEach((sentId, machineId) -> {
            if (covered.contains(machineId)) {
                targets.add(machineId);
            } else {
                RuleViolationException unknown = RuleViolationException.unknownMachine(sentId);
                refused.put(sentId, new BulkRefusal(sentId, ErrorCode.ResourceNotFound.name(), unknown.getMessage()));
            }
        });
        return new Targets(List.copyOf(targets), List.copyOf(refused.values()));
    }

    /** Which of the ids are registered devices (in the caller's groups, with a condition). */
    private Set<String> registered(List<String> ids, Optional<DeviceGroupIndex.Condition> condition) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + LOOKUP));
            List<Object> args = new ArrayList<>(part);
            condition.ifPresent(c -> args.addAll(c.args()));
            found.addAll(jdbc.queryForList("select a.device_id from device_aliases a where a.device_id in ("
                    + String.join(", ", part.stream().map(id -> "?").toList()) + ")"
                    + condition.map(c -> " and " + c.sql()).orElse(""), String.class, args.toArray()));
        }
        return found;
    }
}
