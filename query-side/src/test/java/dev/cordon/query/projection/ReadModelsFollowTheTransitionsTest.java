package dev.cordon.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.transition.TransitionHistories;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.machine.MachineView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The query side's folds end every history (one ending in each kind of event) where the shared transitions do: the
 * device's state, scope and last action, and the Action center's action. The command side's aggregate, audit fold and
 * action index have the same test against the same histories.
 */
class ReadModelsFollowTheTransitionsTest {

    static final List<?> HISTORIES = TransitionHistories.all();

    @ParameterizedTest
    @FieldSource("HISTORIES")
    void deviceAndActionFolds_endWhereTheTransitionsSay(List<DeviceEvent> history) {
        MachineView device = null;
        Map<String, MachineActionView> actions = new HashMap<>();
        for (DeviceEvent event : history) {
            device = DeviceFold.apply(device, event);
            if (event instanceof MachineActionEvent action) {
                actions.put(action.actionId(), MachineActionFold.apply(actions.get(action.actionId()), action));
            }
        }

        TransitionHistories.Expected expected = TransitionHistories.expected(history);
        assertThat(device.isolationState()).isEqualTo(expected.state());
        assertThat(device.isolationScope()).isEqualTo(expected.scope());
        assertThat(device.pendingActionId()).isEqualTo(expected.openActionId());
        assertThat(device.lastActionType()).isEqualTo(expected.actionType());
        assertThat(device.lastActionStatus()).isEqualTo(expected.status());
        if (TransitionHistories.last(history) instanceof MachineActionEvent last) {
            MachineActionView action = actions.get(last.actionId());
            assertThat(action.type()).isEqualTo(expected.actionType());
            assertThat(action.status()).isEqualTo(expected.status());
        }
    }
}
