package dev.cordon.query.projection;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.support.TestEvents;
import org.junit.jupiter.api.Test;

class MachineActionFoldTest {

    static final String DEVICE = "dev-1";
    static final String ACTION = "act-1";

    private static MachineActionView isolationPending() {
        return MachineActionFold.apply(null,
                TestEvents.isolationRequested(DEVICE, ACTION, IsolationType.Selective, at(0)));
    }

    private static MachineActionView releasePending() {
        return MachineActionFold.apply(null, TestEvents.releaseRequested(DEVICE, ACTION, at(0)));
    }

    @Test
    void isolationRequested_createsPendingActionWithEveryRequestField() {
        MachineActionView view = isolationPending();
        assertThat(view).isEqualTo(new MachineActionView(ACTION, ActionType.Isolate, IsolationType.Selective, null,
                "analyst@corp.example", "Suspicious beaconing", "PublicApi", "ext-" + ACTION, ActionStatus.Pending,
                DEVICE, DEVICE + ".corp.example", at(0), at(0), null, null, null, 0));
    }

    @Test
    void releaseRequested_createsPendingUnisolateWithoutScope() {
        MachineActionView view = releasePending();
        assertThat(view.type()).isEqualTo(ActionType.Unisolate);
        assertThat(view.scope()).isNull();
        assertThat(view.status()).isEqualTo(ActionStatus.Pending);
        assertThat(view.requestor()).isEqualTo("lead@corp.example");
        assertThat(view.requestSource()).isEqualTo("Portal");
        assertThat(view.creationDateTimeUtc()).isEqualTo(at(0));
    }

    /** The bulk's id is the request's, and every later event keeps it: success, failure and cancellation alike. */
    @Test
    void requestsOfABulk_keepTheirBulkId_throughEveryOutcome() {
        MachineActionView isolation = MachineActionFold.apply(null,
                TestEvents.isolationRequested(DEVICE, ACTION, IsolationType.Full, at(0), "bulk-1"));
        MachineActionView release = MachineActionFold.apply(null,
                TestEvents.releaseRequested(DEVICE, "act-2", at(0), "bulk-2"));
        assertThat(isolation.bulkActionId()).isEqualTo("bulk-1");
        assertThat(release.bulkActionId()).isEqualTo("bulk-2");
        assertThat(MachineActionFold.apply(MachineActionFold.apply(isolation,
                TestEvents.started(DEVICE, ACTION, ActionType.Isolate, at(1))),
                TestEvents.isolated(DEVICE, ACTION, IsolationType.Full, at(2))).bulkActionId()).isEqualTo("bulk-1");
        assertThat(MachineActionFold.apply(isolation, TestEvents.isolationFailed(DEVICE, ACTION, 5, at(2)))
                .bulkActionId()).isEqualTo("bulk-1");
        assertThat(MachineActionFold.apply(release, TestEvents.cancelled(DEVICE, "act-2", ActionType.Unisolate,
                at(2))).bulkActionId()).isEqualTo("bulk-2");
        assertThat(isolationPending().bulkActionId()).isNull();
    }

    @Test
    void started_movesToInProgress() {
        MachineActionView view = MachineActionFold.apply(isolationPending(),
                TestEvents.started(DEVICE, ACTION, ActionType.Isolate, at(5)));
        assertThat(view.status()).isEqualTo(ActionStatus.InProgress);
        assertThat(view.lastUpdateDateTimeUtc()).isEqualTo(at(5));
        assertThat(view.creationDateTimeUtc()).isEqualTo(at(0));
    }

    @Test
    void isolated_succeeds() {
        MachineActionView view = MachineActionFold.apply(isolationPending(),
                TestEvents.isolated(DEVICE, ACTION, IsolationType.Selective, at(9)));
        assertThat(view.status()).isEqualTo(ActionStatus.Succeeded);
        assertThat(view.lastUpdateDateTimeUtc()).isEqualTo(at(9));
        assertThat(view.errorHResult()).isZero();
    }

    @Test
    void released_succeeds() {
        MachineActionView view = MachineActionFold.apply(releasePending(), TestEvents.released(DEVICE, ACTION, at(9)));
        assertThat(view.status()).isEqualTo(ActionStatus.Succeeded);
        assertThat(view.lastUpdateDateTimeUtc()).isEqualTo(at(9));
    }

    @Test
    void isolationFailed_failsWithHResult() {
        MachineActionView view = MachineActionFold.apply(isolationPending(),
                TestEvents.isolationFailed(DEVICE, ACTION, -2147024891, at(7)));
        assertThat(view.status()).isEqualTo(ActionStatus.Failed);
        assertThat(view.errorHResult()).isEqualTo(-2147024891);
        assertThat(view.lastUpdateDateTimeUtc()).isEqualTo(at(7));
    }

    @Test
    void releaseFailed_failsWithHResult() {
        MachineActionView view = MachineActionFold.apply(releasePending(),
                TestEvents.releaseFailed(DEVICE, ACTION, 5, at(7)));
        assertThat(view.status()).isEqualTo(ActionStatus.Failed);
        assertThat(view.errorHResult()).isEqualTo(5);
    }

    @Test
    void cancelled_setsCancellationFields() {
        MachineActionView view = MachineActionFold.apply(isolationPending(),
                TestEvents.cancelled(DEVICE, ACTION, ActionType.Isolate, at(3)));
        assertThat(view.status()).isEqualTo(ActionStatus.Cancelled);
        assertThat(view.cancellationRequestor()).isEqualTo("soc-lead@corp.example");
        assertThat(view.cancellationComment()).isEqualTo("False positive");
        assertThat(view.cancellationDateTimeUtc()).isEqualTo(at(3));
        assertThat(view.lastUpdateDateTimeUtc()).isEqualTo(at(3));
        assertThat(view.requestor()).isEqualTo("analyst@corp.example");
    }

    @Test
    void timedOut_movesToTimeOut() {
        MachineActionView view = MachineActionFold.apply(isolationPending(),
                TestEvents.timedOut(DEVICE, ACTION, ActionType.Isolate, at(259_200)));
        assertThat(view.status()).isEqualTo(ActionStatus.TimeOut);
        assertThat(view.lastUpdateDateTimeUtc()).isEqualTo(at(259_200));
        assertThat(view.cancellationDateTimeUtc()).isNull();
    }

    @Test
    void report_whenActionNeverRequested_yieldsNull() {
        assertThat(MachineActionFold.apply(null, TestEvents.started(DEVICE, ACTION, ActionType.Isolate, at(1))))
                .isNull();
    }
}
