package dev.cordon.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.transition.TransitionHistories;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The audit's state fold ends every history where the shared transitions do (see DeviceFollowsTheTransitionsTest). */
class DeviceStateFoldFollowsTheTransitionsTest {

    static final List<?> HISTORIES = TransitionHistories.all();

    @ParameterizedTest
    @FieldSource("HISTORIES")
    void fold_endsWhereTheTransitionsSay(List<DeviceEvent> history) {
        DeviceState state = null;
        for (DeviceEvent event : history) {
            state = DeviceStateFold.apply(state, event);
        }

        TransitionHistories.Expected expected = TransitionHistories.expected(history);
        assertThat(state.state()).isEqualTo(expected.state());
        assertThat(state.scope()).isEqualTo(expected.scope());
        if (expected.openActionId() == null) {
            assertThat(state.openAction()).isNull();
        } else {
            assertThat(state.openAction().actionId()).isEqualTo(expected.openActionId());
            assertThat(state.openAction().type()).isEqualTo(expected.actionType());
            assertThat(state.openAction().status()).isEqualTo(expected.status());
        }
    }
}
