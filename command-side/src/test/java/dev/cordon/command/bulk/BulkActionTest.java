package dev.cordon.command.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.bulk.BulkActionCancelledEvent;
import dev.cordon.events.bulk.BulkActionDispatchedEvent;
import dev.cordon.events.bulk.BulkActionRequestedEvent;
import dev.cordon.events.bulk.BulkActionTargetsRefusedEvent;
import dev.cordon.events.bulk.BulkRefusal;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.security.DeviceScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One fixture test per rule of the bulk action aggregate. */
class BulkActionTest {

    private static final String BULK = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
    private static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final ActionRequest REQUEST = new ActionRequest("SOC automation", "Worm outbreak", "PublicApi",
            "SOAR-1", T0);
    private static final BulkRefusal UNKNOWN = new BulkRefusal("ghost", ErrorCode.ResourceNotFound.name(),
            "Machine ghost was not found.");
    private static final BulkRefusal ISOLATED = new BulkRefusal("b", ErrorCode.ActiveRequestAlreadyExists.name(),
            "Machine b is already isolated (Full).");

    private final List<RequestBulkActionCommand> registered = new ArrayList<>();
    private AggregateTestFixture<BulkAction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BulkAction.class);
        fixture.registerInjectableResource((BulkActionRegistry) registered::add);
    }

    private static RequestBulkActionCommand request(List<String> targets, List<BulkRefusal> refused) {
        return new RequestBulkActionCommand(BULK, ActionType.Isolate, IsolationType.Full, null, targets, refused,
                REQUEST, DeviceScope.ALL, "req-1", null);
    }

    private static BulkActionRequestedEvent requested(List<String> targets) {
        return new BulkActionRequestedEvent(BULK, ActionType.Isolate, IsolationType.Full, "Worm outbreak", null,
                targets, "SOC automation", "PublicApi", "SOAR-1", T0);
    }

    @Test
    void request_recordsTheTargets_andRegistersTheBulkForItsDispatch() {
        fixture.givenNoPriorActivity()
                .when(request(List.of("a", "b"), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(List.of("a", "b")));
        assertThat(registered).singleElement().extracting(RequestBulkActionCommand::bulkId).isEqualTo(BULK);
    }

    @Test
    void request_withIdsNoDeviceTheCallerMaySee_recordsTheirRefusalAtOnce() {
        fixture.givenNoPriorActivity()
                .when(request(List.of("a"), List.of(UNKNOWN)))
                .expectEvents(requested(List.of("a")), new BulkActionTargetsRefusedEvent(BULK, List.of(UNKNOWN), T0));
    }

    @Test
    void request_whoseEveryIdWasRefused_isDispatchedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(request(List.of(), List.of(UNKNOWN)))
                .expectEvents(requested(List.of()), new BulkActionTargetsRefusedEvent(BULK, List.of(UNKNOWN), T0),
                        new BulkActionDispatchedEvent(BULK, 0, 1, T0));
    }

    @Test
    void refusals_ofTargets_areRecorded() {
        fixture.given(requested(List.of("a", "b")))
                .when(new RecordBulkRefusalsCommand(BULK, List.of(ISOLATED), T1))
                .expectEvents(new BulkActionTargetsRefusedEvent(BULK, List.of(ISOLATED), T1));
    }

    @Test
    void refusals_ofATargetAlreadyRefused_orOfNoTarget_areDropped() {
        fixture.given(requested(List.of("a", "b")), new BulkActionTargetsRefusedEvent(BULK, List.of(ISOLATED), T1))
                .when(new RecordBulkRefusalsCommand(BULK, List.of(ISOLATED, UNKNOWN), T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusals_whenCancelled_areRejected() {
        fixture.given(requested(List.of("a", "b")), new BulkActionCancelledEvent(BULK, "analyst", "Stop", T1))
                .when(new RecordBulkRefusalsCommand(BULK, List.of(ISOLATED), T1))
                .expectException(ruleViolation(ErrorCode.InvalidActionState))
                .expectExceptionMessage("Bulk action " + BULK + " is cancelled: it takes no more targets.")
                .expectNoEvents();
    }

    @Test
    void refusals_whenDispatched_areRejected() {
        fixture.given(requested(List.of("a", "b")), new BulkActionDispatchedEvent(BULK, 2, 0, T1))
                .when(new RecordBulkRefusalsCommand(BULK, List.of(ISOLATED), T1))
                .expectException(ruleViolation(ErrorCode.InvalidActionState))
                .expectExceptionMessage("Bulk action " + BULK + " is dispatched: it takes no more targets.")
                .expectNoEvents();
    }

    @Test
    void complete_countsTheAcceptedAndTheRefused() {
        fixture.given(requested(List.of("a", "b", "c")),
                        new BulkActionTargetsRefusedEvent(BULK, List.of(UNKNOWN), T0),
                        new BulkActionTargetsRefusedEvent(BULK, List.of(ISOLATED), T1))
                .when(new CompleteBulkDispatchCommand(BULK, T1))
                .expectEvents(new BulkActionDispatchedEvent(BULK, 2, 2, T1));
    }

    @Test
    void complete_whenDispatchedAlready_isRejected() {
        fixture.given(requested(List.of("a")), new BulkActionDispatchedEvent(BULK, 1, 0, T1))
                .when(new CompleteBulkDispatchCommand(BULK, T1))
                .expectException(ruleViolation(ErrorCode.InvalidActionState))
                .expectNoEvents();
    }

    @Test
    void complete_whenCancelled_isRejected() {
        fixture.given(requested(List.of("a")), new BulkActionCancelledEvent(BULK, "analyst", "Stop", T1))
                .when(new CompleteBulkDispatchCommand(BULK, T1))
                .expectException(ruleViolation(ErrorCode.InvalidActionState))
                .expectNoEvents();
    }

    @Test
    void cancel_whileDispatching_isRecorded() {
        fixture.given(requested(List.of("a")))
                .when(new CancelBulkActionCommand(BULK, "analyst", "False positive", T1))
                .expectEvents(new BulkActionCancelledEvent(BULK, "analyst", "False positive", T1));
    }

    @Test
    void cancel_whenDispatched_isRecorded_forTheOpenActions() {
        fixture.given(requested(List.of("a")), new BulkActionDispatchedEvent(BULK, 1, 0, T1))
                .when(new CancelBulkActionCommand(BULK, "analyst", "False positive", T1))
                .expectEvents(new BulkActionCancelledEvent(BULK, "analyst", "False positive", T1));
    }

    @Test
    void cancel_whenCancelledAlready_isRejectedAsASecondCancelOfAnAction() {
        fixture.given(requested(List.of("a")), new BulkActionCancelledEvent(BULK, "analyst", "Stop", T1))
                .when(new CancelBulkActionCommand(BULK, "analyst", "Again", T1))
                .expectException(ruleViolation(ErrorCode.InvalidActionState))
                .expectExceptionMessage("Bulk action " + BULK + " is already cancelled.")
                .expectNoEvents();
    }

    /** Rejected as the single-device API rejects an action that is no longer open. */
    private static Matcher<Throwable> ruleViolation(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolationException r && r.code() == code;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a rule violation with code " + code);
            }
        };
    }
}
