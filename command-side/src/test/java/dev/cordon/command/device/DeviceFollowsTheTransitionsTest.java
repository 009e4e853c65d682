package dev.cordon.command.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.events.transition.TransitionHistories;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The aggregate's event-sourcing handlers end every history (one ending in each kind of event) where the shared
 * transitions do: state, scope, and the open action with its type and status. The query side's folds, the audit fold
 * and the action index have the same test against the same histories.
 */
class DeviceFollowsTheTransitionsTest {

    static final List<?> HISTORIES = TransitionHistories.all();

    @ParameterizedTest
    @FieldSource("HISTORIES")
    void device_endsWhereTheTransitionsSay(List<DeviceEvent> history) {
        Device device = new Device();
        history.forEach(event -> apply(device, event));

        TransitionHistories.Expected expected = TransitionHistories.expected(history);
        assertThat(ReflectionTestUtils.getField(device, "state")).isEqualTo(expected.state());
        assertThat(ReflectionTestUtils.getField(device, "scope")).isEqualTo(expected.scope());
        OpenAction open = (OpenAction) ReflectionTestUtils.getField(device, "openAction");
        if (expected.openActionId() == null) {
            assertThat(open).isNull();
        } else {
            assertThat(open.actionId()).isEqualTo(expected.openActionId());
            assertThat(open.type()).isEqualTo(expected.actionType());
            assertThat(open.status()).isEqualTo(expected.status());
        }
    }

    /** As Axon dispatches: the handler of the event's own class, else the one of all action events. */
    private static void apply(Device device, DeviceEvent event) {
        if (event instanceof DeviceRegisteredEvent e) {
            device.on(e);
        } else if (event instanceof DeviceDetailsUpdatedEvent e) {
            device.on(e);
        } else if (event instanceof DeviceTagAddedEvent e) {
            device.on(e);
        } else if (event instanceof DeviceTagRemovedEvent e) {
            device.on(e);
        } else if (event instanceof DeviceGroupChangedEvent e) {
            device.on(e);
        } else {
            device.on((MachineActionEvent) event);
        }
    }
}
