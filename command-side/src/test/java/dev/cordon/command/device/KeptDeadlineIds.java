package dev.cordon.command.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ActionDeadlineIds} in memory for the aggregate fixtures, with a record of what was taken. An action named in
 * {@link #notKeeping} is kept no id, as for an action requested before ids were kept.
 */
final class KeptDeadlineIds implements ActionDeadlineIds {

    private final Map<String, String> kept = new HashMap<>();
    private final Set<String> legacy = new HashSet<>();
    private final List<String> taken = new ArrayList<>();

    KeptDeadlineIds notKeeping(String actionId) {
        legacy.add(actionId);
        return this;
    }

    @Override
    public void keep(String actionId, String deadlineId) {
        if (!legacy.contains(actionId)) {
            kept.put(actionId, deadlineId);
        }
    }

    @Override
    public Optional<String> take(String actionId) {
        String id = kept.remove(actionId);
        if (id != null) {
            taken.add(id);
        }
        return Optional.ofNullable(id);
    }

    Map<String, String> kept() {
        return Map.copyOf(kept);
    }

    /** The deadline ids handed out by {@link #take}, in order. */
    List<String> taken() {
        return List.copyOf(taken);
    }
}
