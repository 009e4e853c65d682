package dev.cordon.command.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.eligibility.IsolationEligibility;
import dev.cordon.command.eligibility.IsolationEligibilityTest;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupProperties;
import dev.cordon.command.group.DeviceGroups;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolatedEvent;
import dev.cordon.events.action.DeviceIsolationFailedEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.DeviceReleasedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionStartedEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.security.DeviceScope;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One fixture test per rule of the device aggregate. */
class DeviceTest {

    private static final String DEVICE = "b9f1a3c7d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2";
    private static final String ACTION = "6b001073-0f3a-4a5e-9d52-6f3b7a1c2d11";
    private static final String OTHER_ACTION = "0a5f3a54-8f1e-4c3c-b0e6-2b7f5d9c8e21";
    private static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Duration TIMEOUT = Duration.ofDays(3);

    /** Servers by OS, then Workstations by OS or DNS name; everything else in the default group. */
    static final DeviceGroups GROUPS = new DeviceGroups(new DeviceGroupProperties(List.of(
            new DeviceGroupProperties.Group(1, "Servers", List.of("srv-"), List.of(OsPlatform.WindowsServer2019,
                    OsPlatform.WindowsServer2022, OsPlatform.Linux)),
            new DeviceGroupProperties.Group(2, "Workstations", List.of("lt-"), List.of(OsPlatform.Windows10,
                    OsPlatform.Windows11))), "Unassigned"));
    private static final DeviceScope WORKSTATIONS_ONLY = DeviceScope.only(List.of("workstations"));

    private final KeptDeadlineIds deadlineIds = new KeptDeadlineIds();
    private AggregateTestFixture<Device> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(IsolationEligibilityTest.shippedTable());
    }

    private AggregateTestFixture<Device> fixtureWith(IsolationEligibility eligibility) {
        AggregateTestFixture<Device> fixture = new AggregateTestFixture<>(Device.class);
        fixture.registerInjectableResource(eligibility);
        fixture.registerInjectableResource(new ActionTimeoutPolicy(TIMEOUT));
        fixture.registerInjectableResource(GROUPS);
        fixture.registerInjectableResource(deadlineIds);
        return fixture;
    }

    // --- registration ---

    @Test
    void register_whenUnknown_registersTheDeviceInItsGroup() {
        fixture.givenNoPriorActivity()
                .when(register(OsPlatform.Windows11, "22631"))
                .expectEvents(registered(OsPlatform.Windows11, "22631"), inWorkstations())
                .expectResultMessagePayload(RegistrationOutcome.REGISTERED);
    }

    @Test
    void register_whenDetailsChanged_recordsTheUpdate() {
        fixture.given(registered(OsPlatform.Windows10, "14393"), inWorkstations())
                .when(register(OsPlatform.Windows10, "19045"))
                .expectEvents(new DeviceDetailsUpdatedEvent(DEVICE, "laptop-042.corp.example", OsPlatform.Windows10,
                        "19045", "22H2", null, RiskScore.None, ExposureLevel.None, T0))
                .expectResultMessagePayload(RegistrationOutcome.UPDATED);
    }

    @Test
    void register_whenUnknown_registersTheInventorysRiskScoreAndExposureLevel() {
        fixture.givenNoPriorActivity()
                .when(register(OsPlatform.Windows11, "22631", RiskScore.High, ExposureLevel.Medium))
                .expectEvents(registered(OsPlatform.Windows11, "22631", RiskScore.High, ExposureLevel.Medium),
                        inWorkstations())
                .expectResultMessagePayload(RegistrationOutcome.REGISTERED);
    }

    @Test
    void register_whenRiskScoreChanged_recordsTheUpdate() {
        fixture.given(registered(OsPlatform.Windows11, "22631", RiskScore.Low, ExposureLevel.Medium), inWorkstations())
                .when(register(OsPlatform.Windows11, "22631", RiskScore.High, ExposureLevel.Medium))
                .expectEvents(new DeviceDetailsUpdatedEvent(DEVICE, "laptop-042.corp.example", OsPlatform.Windows11,
                        "22631", "22H2", null, RiskScore.High, ExposureLevel.Medium, T0))
                .expectResultMessagePayload(RegistrationOutcome.UPDATED);
    }

    @Test
    void register_whenExposureLevelChanged_recordsTheUpdate() {
        fixture.given(registered(OsPlatform.Windows11, "22631", RiskScore.Low, ExposureLevel.Medium), inWorkstations())
                .when(register(OsPlatform.Windows11, "22631", RiskScore.Low, ExposureLevel.None))
                .expectEvents(new DeviceDetailsUpdatedEvent(DEVICE, "laptop-042.corp.example", OsPlatform.Windows11,
                        "22631", "22H2", null, RiskScore.Low, ExposureLevel.None, T0))
                .expectResultMessagePayload(RegistrationOutcome.UPDATED);
    }

    @Test
    void register_whenRiskScoreAndExposureLevelUnchanged_storesNothing() {
        fixture.given(registered(OsPlatform.Windows11, "22631", RiskScore.High, ExposureLevel.Medium),
                        inWorkstations())
                .when(register(OsPlatform.Windows11, "22631", RiskScore.High, ExposureLevel.Medium))
                .expectNoEvents()
                .expectResultMessagePayload(RegistrationOutcome.UNCHANGED);
    }

    @Test
    void register_whenNothingChanged_storesNothing() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), inWorkstations())
                .when(register(OsPlatform.Windows11, "22631"))
                .expectNoEvents()
                .expectResultMessagePayload(RegistrationOutcome.UNCHANGED);
    }

    // --- device groups ---

    @Test
    void register_withAGroupName_putsTheDeviceInThatGroup() {
        fixture.givenNoPriorActivity()
                .when(register(OsPlatform.Windows11, "22631", "servers", DeviceScope.ALL))
                .expectEvents(registered(OsPlatform.Windows11, "22631"), new DeviceGroupChangedEvent(DEVICE, 1,
                        "Servers", null, "Named in the registration", "inventory@corp.example", "PublicApi", T0));
    }

    @Test
    void register_whenAGroupRuleMatches_putsTheDeviceInTheFirstSuchGroup() {
        fixture.givenNoPriorActivity()
                .when(register(OsPlatform.WindowsServer2019, "17763"))
                .expectEvents(registered(OsPlatform.WindowsServer2019, "17763"), new DeviceGroupChangedEvent(DEVICE,
                        1, "Servers", null, "Group rule of Servers: osPlatform is WindowsServer2019",
                        "inventory@corp.example", "PublicApi", T0));
    }

    @Test
    void register_whenNoGroupRuleMatches_putsTheDeviceInTheDefaultGroup() {
        fixture.givenNoPriorActivity()
                .when(register(OsPlatform.macOS, null))
                .expectEvents(registered(OsPlatform.macOS, null), new DeviceGroupChangedEvent(DEVICE, 0,
                        "Unassigned", null, "Default group", "inventory@corp.example", "PublicApi", T0));
    }

    @Test
    void register_withAnUnknownGroupName_isRejectedBeforeTheCommand() {
        assertThatThrownBy(() -> GROUPS.assign("Kiosks", "laptop-042.corp.example", OsPlatform.Windows11))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.InvalidInput);
                    assertThat(e.getMessage()).contains("Kiosks", "Servers, Workstations, Unassigned");
                });
    }

    @Test
    void register_whenTheGroupChanges_movesTheDevice() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), inWorkstations())
                .when(register(OsPlatform.Windows11, "22631", "Servers", DeviceScope.ALL))
                .expectEvents(new DeviceGroupChangedEvent(DEVICE, 1, "Servers", "Workstations",
                        "Named in the registration", "inventory@corp.example", "PublicApi", T0))
                .expectResultMessagePayload(RegistrationOutcome.UPDATED);
    }

    @Test
    void register_ofADeviceFromBeforeGroups_putsItInItsGroup() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .when(register(OsPlatform.Windows11, "22631"))
                .expectEvents(inWorkstations())
                .expectResultMessagePayload(RegistrationOutcome.UPDATED);
    }

    @Test
    void register_whenInTheSameGroupAgain_storesNoGroupEvent() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), inWorkstations())
                .when(register(OsPlatform.Windows11, "22631", "WORKSTATIONS", DeviceScope.ALL))
                .expectNoEvents()
                .expectResultMessagePayload(RegistrationOutcome.UNCHANGED);
    }

    @Test
    void register_ofANewDeviceIntoAGroupOutsideTheCallersScope_isForbidden() {
        rejected(fixture.givenNoPriorActivity()
                        .when(register(OsPlatform.WindowsServer2019, "17763", null, WORKSTATIONS_ONLY)),
                ErrorCode.Forbidden, "Servers is not one of them");
    }

    @Test
    void register_movingADeviceIntoAGroupOutsideTheCallersScope_isForbidden() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), inWorkstations())
                        .when(register(OsPlatform.Windows11, "22631", "Servers", WORKSTATIONS_ONLY)),
                ErrorCode.Forbidden, "Servers is not one of them");
    }

    @Test
    void register_ofADeviceOutsideTheCallersScope_isNotFound() {
        notFound(fixture.given(registered(OsPlatform.WindowsServer2019, "17763"), inServers())
                .when(register(OsPlatform.WindowsServer2019, "17763", null, WORKSTATIONS_ONLY)));
    }

    @Test
    void isolate_outsideTheCallersScope_isNotFound() {
        notFound(fixture.given(registered(OsPlatform.WindowsServer2019, "17763"), inServers())
                .when(new IsolateDeviceCommand(DEVICE, ACTION, IsolationType.Full, request(), WORKSTATIONS_ONLY)));
    }

    @Test
    void isolate_ofADeviceFromBeforeGroups_countsItInTheDefaultGroup() {
        notFound(fixture.given(registered(OsPlatform.Windows11, "22631"))
                .when(new IsolateDeviceCommand(DEVICE, ACTION, IsolationType.Full, request(), WORKSTATIONS_ONLY)));
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .when(new IsolateDeviceCommand(DEVICE, ACTION, IsolationType.Full, request(),
                        DeviceScope.only(List.of("unassigned"))))
                .expectEvents(isolationRequested(IsolationType.Full));
    }

    @Test
    void isolate_insideTheCallersScope_isRequested() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), inWorkstations())
                .when(new IsolateDeviceCommand(DEVICE, ACTION, IsolationType.Full, request(), WORKSTATIONS_ONLY))
                .expectEvents(isolationRequested(IsolationType.Full));
    }

    @Test
    void release_outsideTheCallersScope_isNotFound() {
        notFound(fixture.given(registered(OsPlatform.WindowsServer2019, "17763"), inServers(),
                        isolationRequested(IsolationType.Full), isolated())
                .when(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(), WORKSTATIONS_ONLY)));
    }

    @Test
    void cancel_outsideTheCallersScope_isNotFoundAsTheAction() {
        rejected(fixture.given(registered(OsPlatform.WindowsServer2019, "17763"), inServers(),
                        isolationRequested(IsolationType.Full))
                        .when(new CancelMachineActionCommand(DEVICE, ACTION, request(), WORKSTATIONS_ONLY)),
                ErrorCode.ResourceNotFound, "Action " + ACTION + " was not found.");
    }

    @Test
    void tag_outsideTheCallersScope_isNotFound() {
        notFound(fixture.given(registered(OsPlatform.WindowsServer2019, "17763"), inServers())
                .when(new ChangeDeviceTagCommand(DEVICE, "Finance", TagChange.Add, "analyst@corp.example",
                        "PublicApi", T1, WORKSTATIONS_ONLY)));
    }

    // --- isolate ---

    @Test
    void isolate_whenNotIsolated_requestsIsolationAndSchedulesTheTimeout() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .when(isolate(IsolationType.Full))
                .expectEvents(isolationRequested(IsolationType.Full))
                .expectScheduledDeadlineWithName(T0.plus(TIMEOUT), ActionTimeoutDeadline.NAME);
    }

    @Test
    void isolate_answersTheActionAsTheRequestLeftIt() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .when(isolate(IsolationType.Selective))
                .expectResultMessagePayload(action(ACTION, ActionType.Isolate, IsolationType.Selective,
                        ActionStatus.Pending, T0, null, null, null, 0));
    }

    @Test
    void isolate_whenIsolationPending_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full))
                .when(isolate(IsolationType.Full)), ErrorCode.ActiveRequestAlreadyExists, "IsolationPending");
    }

    @Test
    void isolate_whenAlreadyIsolated_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        isolated()).when(isolate(IsolationType.Selective)),
                ErrorCode.ActiveRequestAlreadyExists, "already isolated");
    }

    @Test
    void isolate_whenReleasePending_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        isolated(), releaseRequested(OTHER_ACTION)).when(isolate(IsolationType.Full)),
                ErrorCode.ActiveRequestAlreadyExists, "ReleasePending");
    }

    @Test
    void isolate_whenOsIsMacOs_isRejectedWithLiveResponsePointer() {
        rejected(fixture.given(registered(OsPlatform.macOS, "23.4")).when(isolate(IsolationType.Full)),
                ErrorCode.OsPlatformNotSupported, "live response");
    }

    @Test
    void isolate_whenOsIsLinux_isRejectedWithLiveResponsePointer() {
        rejected(fixture.given(registered(OsPlatform.Linux, null)).when(isolate(IsolationType.Full)),
                ErrorCode.OsPlatformNotSupported, "live response");
    }

    @Test
    void isolate_selectiveOnServer_isRejected() {
        rejected(fixture.given(registered(OsPlatform.WindowsServer2019, "17763")).when(isolate(IsolationType.Selective)),
                ErrorCode.OsPlatformNotSupported, "Selective");
    }

    @Test
    void isolate_fullOnWindows10Before1703_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows10, "14393")).when(isolate(IsolationType.Full)),
                ErrorCode.OsPlatformNotSupported, "15063");
    }

    @Test
    void isolate_selectiveOnWindows10Before1709_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows10, "15063")).when(isolate(IsolationType.Selective)),
                ErrorCode.OsPlatformNotSupported, "16299");
    }

    @Test
    void isolate_selectiveOnWindows10From1709_isRequested() {
        fixture.given(registered(OsPlatform.Windows10, "16299"))
                .when(isolate(IsolationType.Selective))
                .expectEvents(isolationRequested(IsolationType.Selective));
    }

    @Test
    void isolate_selective_recordsTheApplicationsTheIsolationTableKeepsConnected() throws Exception {
        fixture = fixtureWith(IsolationEligibility.load(new ByteArrayInputStream(
                ("{\"rules\": [{\"osPlatform\": \"Windows11\", \"isolationType\": \"Selective\"}],"
                        + " \"selectiveKeepsConnected\": [\"Outlook\", \"Microsoft Teams\"]}").getBytes())));

        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .when(isolate(IsolationType.Selective))
                .expectEvents(new DeviceIsolationRequestedEvent(DEVICE, ACTION, IsolationType.Selective,
                        List.of("Outlook", "Microsoft Teams"), "laptop-042.corp.example", "analyst@corp.example",
                        "Suspected ransomware on the device", "PublicApi", null, T0));
    }

    // --- release ---

    @Test
    void release_whenIsolated_requestsRelease() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full), isolated())
                .when(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(), DeviceScope.ALL))
                .expectEvents(releaseRequested(OTHER_ACTION))
                .expectScheduledDeadlineWithName(T0.plus(TIMEOUT), ActionTimeoutDeadline.NAME);
    }

    @Test
    void release_answersTheActionAsTheRequestLeftIt() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full), isolated())
                .when(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(), DeviceScope.ALL))
                .expectResultMessagePayload(action(OTHER_ACTION, ActionType.Unisolate, null, ActionStatus.Pending,
                        T0, null, null, null, 0));
    }

    @Test
    void release_whenNotIsolated_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"))
                .when(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(), DeviceScope.ALL)),
                ErrorCode.DeviceNotIsolated, "not isolated");
    }

    @Test
    void release_whenIsolationPending_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full))
                        .when(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(), DeviceScope.ALL)),
                ErrorCode.ActiveRequestAlreadyExists, "IsolationPending");
    }

    @Test
    void release_whenReleasePending_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        isolated(), releaseRequested(OTHER_ACTION))
                        .when(new ReleaseDeviceCommand(DEVICE, "another", request(), DeviceScope.ALL)),
                ErrorCode.ActiveRequestAlreadyExists, "ReleasePending");
    }

    // --- agent reports ---

    @Test
    void report_inProgress_startsTheAction() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full))
                .when(report(ACTION, AgentReportedStatus.InProgress))
                .expectEvents(new MachineActionStartedEvent(DEVICE, ACTION, ActionType.Isolate, T1));
    }

    @Test
    void report_answersTheActionAsTheReportLeftIt() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full))
                .when(report(ACTION, AgentReportedStatus.InProgress))
                .expectResultMessagePayload(action(ACTION, ActionType.Isolate, IsolationType.Full,
                        ActionStatus.InProgress, T1, null, null, null, 0));
    }

    @Test
    void report_failure_answersTheClosedActionWithItsErrorCode() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full), isolated(),
                        releaseRequested(OTHER_ACTION),
                        new MachineActionStartedEvent(DEVICE, OTHER_ACTION, ActionType.Unisolate, T1))
                .when(new ReportActionStatusCommand(DEVICE, OTHER_ACTION, AgentReportedStatus.Failed, -2147024891,
                        T1.plusSeconds(5)))
                .expectResultMessagePayload(action(OTHER_ACTION, ActionType.Unisolate, null, ActionStatus.Failed,
                        T1.plusSeconds(5), null, null, null, -2147024891));
    }

    @Test
    void report_inProgressTwice_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        new MachineActionStartedEvent(DEVICE, ACTION, ActionType.Isolate, T1))
                .when(report(ACTION, AgentReportedStatus.InProgress)), ErrorCode.InvalidActionState, "InProgress");
    }

    @Test
    void report_isolationSucceeded_isolatesAndCancelsTheTimeout() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Selective))
                .when(report(ACTION, AgentReportedStatus.Succeeded))
                .expectEvents(new DeviceIsolatedEvent(DEVICE, ACTION, IsolationType.Selective, T1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void report_isolationFailed_leavesTheDeviceConnected() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full))
                .when(new ReportActionStatusCommand(DEVICE, ACTION, AgentReportedStatus.Failed, -2147024891, T1))
                .expectEvents(new DeviceIsolationFailedEvent(DEVICE, ACTION, -2147024891, T1));
        // and the device can be isolated again
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        new DeviceIsolationFailedEvent(DEVICE, ACTION, 5, T1))
                .when(new IsolateDeviceCommand(DEVICE, OTHER_ACTION, IsolationType.Full, request(), DeviceScope.ALL))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void report_releaseSucceeded_releasesTheDevice() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full), isolated())
                .andGivenCommands(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(), DeviceScope.ALL))
                .when(report(OTHER_ACTION, AgentReportedStatus.Succeeded))
                .expectEvents(new DeviceReleasedEvent(DEVICE, OTHER_ACTION, T1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void report_releaseFailed_keepsTheDeviceIsolated() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full), isolated(),
                        releaseRequested(OTHER_ACTION), new DeviceReleaseFailedEvent(DEVICE, OTHER_ACTION, 5, T1))
                .when(new IsolateDeviceCommand(DEVICE, "third", IsolationType.Full, request(), DeviceScope.ALL))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("already isolated"));
    }

    @Test
    void report_forAFinishedAction_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        isolated()).when(report(ACTION, AgentReportedStatus.Succeeded)),
                ErrorCode.InvalidActionState, ACTION);
    }

    // --- ending an action cancels its own deadline, by the id kept when it was scheduled ---

    @Test
    void report_succeeded_cancelsItsOwnDeadlineById_andNoOtherDeadlineOfTheDevice() {
        // The device also has a deadline that outlived an older action: cancelAllWithinScope would cancel it too.
        withTheStaleDeadlineOfAnOlderAction().andGivenCommands(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(),
                        DeviceScope.ALL))
                .when(report(OTHER_ACTION, AgentReportedStatus.Succeeded))
                .expectEvents(new DeviceReleasedEvent(DEVICE, OTHER_ACTION, T1))
                .expectNoScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(OTHER_ACTION))
                .expectScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(ACTION));
        assertThat(deadlineIds.taken()).as("cancelled by the id scheduling it returned").hasSize(1);
        assertThat(deadlineIds.kept()).isEmpty();
    }

    @Test
    void report_failed_cancelsItsOwnDeadlineById_andNoOtherDeadlineOfTheDevice() {
        withTheStaleDeadlineOfAnOlderAction().andGivenCommands(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(),
                        DeviceScope.ALL))
                .when(new ReportActionStatusCommand(DEVICE, OTHER_ACTION, AgentReportedStatus.Failed, 5, T1))
                .expectEvents(new DeviceReleaseFailedEvent(DEVICE, OTHER_ACTION, 5, T1))
                .expectNoScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(OTHER_ACTION))
                .expectScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(ACTION));
        assertThat(deadlineIds.taken()).hasSize(1);
    }

    @Test
    void cancel_cancelsItsOwnDeadlineById_andNoOtherDeadlineOfTheDevice() {
        withTheStaleDeadlineOfAnOlderAction().andGivenCommands(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(),
                        DeviceScope.ALL))
                .when(new CancelMachineActionCommand(DEVICE, OTHER_ACTION, request(), DeviceScope.ALL))
                .expectEvents(new MachineActionCancelledEvent(DEVICE, OTHER_ACTION, ActionType.Unisolate,
                        "analyst@corp.example", "Suspected ransomware on the device", "PublicApi", T0))
                .expectNoScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(OTHER_ACTION))
                .expectScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(ACTION));
        assertThat(deadlineIds.taken()).hasSize(1);
    }

    @Test
    void report_inProgress_keepsTheDeadline() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Full))
                .when(report(ACTION, AgentReportedStatus.InProgress))
                .expectScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(ACTION));
        assertThat(deadlineIds.kept()).containsOnlyKeys(ACTION);
    }

    @Test
    void report_succeeded_ofAnActionRequestedBeforeDeadlineIdsWereKept_endsIt_andLeavesItsDeadlineToFire() {
        deadlineIds.notKeeping(ACTION);
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Full))
                .when(report(ACTION, AgentReportedStatus.Succeeded))
                .expectEvents(new DeviceIsolatedEvent(DEVICE, ACTION, IsolationType.Full, T1))
                .expectScheduledDeadline(T0.plus(TIMEOUT), timeoutOf(ACTION));
    }

    @Test
    void cancel_ofAnActionRequestedBeforeDeadlineIdsWereKept_endsIt() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full))
                .when(new CancelMachineActionCommand(DEVICE, ACTION, request(), DeviceScope.ALL))
                .expectEvents(new MachineActionCancelledEvent(DEVICE, ACTION, ActionType.Isolate,
                        "analyst@corp.example", "Suspected ransomware on the device", "PublicApi", T0));
    }

    /** An isolated device whose isolation ACTION was requested before ids were kept, so its deadline is still there. */
    private TestExecutor<Device> withTheStaleDeadlineOfAnOlderAction() {
        deadlineIds.notKeeping(ACTION);
        return fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Full), report(ACTION, AgentReportedStatus.Succeeded));
    }

    private static ActionTimeoutDeadline timeoutOf(String actionId) {
        return new ActionTimeoutDeadline(actionId, T0.plus(TIMEOUT));
    }

    // --- cancel ---

    @Test
    void cancel_pendingIsolation_returnsTheDeviceToNotIsolated() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Full))
                .when(new CancelMachineActionCommand(DEVICE, ACTION, request(), DeviceScope.ALL))
                .expectEvents(new MachineActionCancelledEvent(DEVICE, ACTION, ActionType.Isolate,
                        "analyst@corp.example", "Suspected ransomware on the device", "PublicApi", T0))
                .expectNoScheduledDeadlines();
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        cancelled(ACTION, ActionType.Isolate))
                .when(new ReleaseDeviceCommand(DEVICE, OTHER_ACTION, request(), DeviceScope.ALL))
                .expectException(RuleViolationException.class);
    }

    @Test
    void cancel_answersTheClosedActionWithItsRequestAndTheCancellation() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Selective),
                        new MachineActionStartedEvent(DEVICE, ACTION, ActionType.Isolate, T1))
                .when(new CancelMachineActionCommand(DEVICE, ACTION, new ActionRequest("lead@corp.example",
                        "wrong device", "PublicApi", null, T1.plusSeconds(5)), DeviceScope.ALL))
                .expectResultMessagePayload(action(ACTION, ActionType.Isolate, IsolationType.Selective,
                        ActionStatus.Cancelled, T1.plusSeconds(5), "lead@corp.example", "wrong device",
                        T1.plusSeconds(5), 0));
    }

    @Test
    void cancel_inProgressRelease_returnsTheDeviceToIsolated() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full), isolated(),
                        releaseRequested(OTHER_ACTION),
                        new MachineActionStartedEvent(DEVICE, OTHER_ACTION, ActionType.Unisolate, T1),
                        cancelled(OTHER_ACTION, ActionType.Unisolate))
                .when(new ReleaseDeviceCommand(DEVICE, "third", request(), DeviceScope.ALL))
                .expectEvents(new DeviceReleaseRequestedEvent(DEVICE, "third", "laptop-042.corp.example",
                        "analyst@corp.example", "Suspected ransomware on the device", "PublicApi", null, T0));
    }

    @Test
    void cancel_finalAction_isRejected() {
        rejected(fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full),
                        isolated()).when(new CancelMachineActionCommand(DEVICE, ACTION, request(), DeviceScope.ALL)),
                ErrorCode.InvalidActionState, ACTION);
    }

    // --- timeout ---

    @Test
    void timeout_whenActionStillOpen_timesItOutAndRestoresTheState() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Full))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectDeadlinesMet(new ActionTimeoutDeadline(ACTION, T0.plus(TIMEOUT)))
                .expectEvents(new MachineActionTimedOutEvent(DEVICE, ACTION, ActionType.Isolate, T0.plus(TIMEOUT)));
        assertThat(deadlineIds.kept()).as("the fired deadline's id is forgotten").isEmpty();
    }

    @Test
    void timeout_whenTheActionEndedFirst_neverFires() {
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Full), report(ACTION, AgentReportedStatus.Succeeded))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void timeout_ofAnActionThatEndedBeforeDeadlineIdsWereKept_firesAndChangesNothing() {
        deadlineIds.notKeeping(ACTION);
        fixture.given(registered(OsPlatform.Windows11, "22631"))
                .andGivenCommands(isolate(IsolationType.Full), report(ACTION, AgentReportedStatus.Succeeded))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectDeadlinesMet(timeoutOf(ACTION))
                .expectNoEvents();
    }

    @Test
    void timeout_ofAPendingRelease_leavesTheDeviceIsolated() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full), isolated(),
                        releaseRequested(OTHER_ACTION),
                        new MachineActionTimedOutEvent(DEVICE, OTHER_ACTION, ActionType.Unisolate, T1))
                .when(new IsolateDeviceCommand(DEVICE, "third", IsolationType.Full, request(), DeviceScope.ALL))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("already isolated"));
    }

    // --- tags ---

    @Test
    void addTag_whenNew_recordsItAndAnswersTheTags() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), tagAdded("Finance"))
                .when(tag("VIP", TagChange.Add))
                .expectEvents(tagAdded("VIP"))
                .expectResultMessagePayload(new DeviceTags(DEVICE, "laptop-042.corp.example", null,
                        List.of("Finance", "VIP")));
    }

    @Test
    void addTag_whenPresentInAnotherLetterCase_storesNothing() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), tagAdded("Finance"))
                .when(tag("FINANCE", TagChange.Add))
                .expectNoEvents()
                .expectResultMessagePayload(new DeviceTags(DEVICE, "laptop-042.corp.example", null,
                        List.of("Finance")));
    }

    @Test
    void addTag_beyondTheMost_isRejected() {
        List<Object> given = new ArrayList<>(List.of(registered(OsPlatform.Windows11, "22631")));
        for (int i = 0; i < Device.MAX_TAGS; i++) {
            given.add(tagAdded("tag-" + i));
        }
        rejected(fixture.given(given).when(tag("one more", TagChange.Add)), ErrorCode.InvalidInput,
                "already has " + Device.MAX_TAGS + " tags");
    }

    @Test
    void addTag_whileAnIsolationIsPending_isAllowed() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), isolationRequested(IsolationType.Full))
                .when(tag("contained", TagChange.Add))
                .expectEvents(tagAdded("contained"));
    }

    @Test
    void removeTag_namedInAnotherLetterCase_removesItAsSpelt() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), tagAdded("Finance"), tagAdded("VIP"))
                .when(tag("finance", TagChange.Remove))
                .expectEvents(new DeviceTagRemovedEvent(DEVICE, "Finance", "analyst@corp.example", "PublicApi", T1))
                .expectResultMessagePayload(new DeviceTags(DEVICE, "laptop-042.corp.example", null,
                        List.of("VIP")));
    }

    @Test
    void removeTag_whenAbsent_storesNothing() {
        fixture.given(registered(OsPlatform.Windows11, "22631"), tagAdded("Finance"),
                        new DeviceTagRemovedEvent(DEVICE, "Finance", "analyst@corp.example", "PublicApi", T1))
                .when(tag("Finance", TagChange.Remove))
                .expectNoEvents()
                .expectResultMessagePayload(new DeviceTags(DEVICE, "laptop-042.corp.example", null, List.of()));
    }

    @Test
    void tag_unknownDevice_isRejected() {
        fixture.givenNoPriorActivity()
                .when(tag("VIP", TagChange.Add))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- helpers ---

    private static void rejected(ResultValidator<Device> result, ErrorCode code, String messagePart) {
        result.expectNoEvents()
                .expectException(ruleViolation(code))
                .expectExceptionMessage(Matchers.containsString(messagePart));
    }

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

    private static RegisterDeviceCommand register(OsPlatform platform, String build) {
        return register(platform, build, RiskScore.None, ExposureLevel.None);
    }

    private static RegisterDeviceCommand register(OsPlatform platform, String build, RiskScore risk,
                                                  ExposureLevel exposure) {
        return register(platform, build, risk, exposure, null, DeviceScope.ALL);
    }

    private static RegisterDeviceCommand register(OsPlatform platform, String build, String groupName,
                                                  DeviceScope scope) {
        return register(platform, build, RiskScore.None, ExposureLevel.None, groupName, scope);
    }

    /** The command as the registration endpoint builds it: the group decided by the configured groups. */
    private static RegisterDeviceCommand register(OsPlatform platform, String build, RiskScore risk,
                                                  ExposureLevel exposure, String groupName, DeviceScope scope) {
        return new RegisterDeviceCommand(DEVICE, "laptop-042.corp.example", platform, build, "22H2", null, risk,
                exposure, GROUPS.assign(groupName, "laptop-042.corp.example", platform), "inventory@corp.example",
                "PublicApi", scope, T0);
    }

    private static DeviceGroupChangedEvent inWorkstations() {
        return new DeviceGroupChangedEvent(DEVICE, 2, "Workstations", null,
                "Group rule of Workstations: osPlatform is Windows11", "inventory@corp.example", "PublicApi", T0);
    }

    private static DeviceGroupChangedEvent inServers() {
        return new DeviceGroupChangedEvent(DEVICE, 1, "Servers", null,
                "Group rule of Servers: osPlatform is WindowsServer2019", "inventory@corp.example", "PublicApi", T0);
    }

    /** Refused exactly as a device never registered is (CommandSender's answer to AggregateNotFoundException). */
    private static void notFound(ResultValidator<Device> result) {
        result.expectNoEvents()
                .expectException(ruleViolation(ErrorCode.ResourceNotFound))
                .expectExceptionMessage("Machine " + DEVICE + " was not found.");
    }

    private static DeviceRegisteredEvent registered(OsPlatform platform, String build) {
        return registered(platform, build, RiskScore.None, ExposureLevel.None);
    }

    private static DeviceRegisteredEvent registered(OsPlatform platform, String build, RiskScore risk,
                                                    ExposureLevel exposure) {
        return new DeviceRegisteredEvent(DEVICE, "laptop-042.corp.example", platform, build, "22H2", null, risk,
                exposure, T0);
    }

    private static ActionRequest request() {
        return new ActionRequest("analyst@corp.example", "Suspected ransomware on the device", "PublicApi", null, T0);
    }

    private static IsolateDeviceCommand isolate(IsolationType type) {
        return new IsolateDeviceCommand(DEVICE, ACTION, type, request(), DeviceScope.ALL);
    }

    private static DeviceIsolationRequestedEvent isolationRequested(IsolationType type) {
        List<String> kept = type == IsolationType.Selective
                ? List.of("Outlook", "Microsoft Teams", "Skype for Business") : List.of();
        return new DeviceIsolationRequestedEvent(DEVICE, ACTION, type, kept, "laptop-042.corp.example",
                "analyst@corp.example", "Suspected ransomware on the device", "PublicApi", null, T0);
    }

    /** The action as the request() helper asks for it, after its last event at {@code lastUpdate}. */
    private static ActionRecord action(String actionId, ActionType type, IsolationType scope, ActionStatus status,
                                       Instant lastUpdate, String cancellationRequestor, String cancellationComment,
                                       Instant cancelledAt, int errorHResult) {
        return new ActionRecord(actionId, DEVICE, type, scope, status, "laptop-042.corp.example",
                "analyst@corp.example", "Suspected ransomware on the device", "PublicApi", null, T0, lastUpdate,
                cancellationRequestor, cancellationComment, cancelledAt, errorHResult);
    }

    private static DeviceIsolatedEvent isolated() {
        return new DeviceIsolatedEvent(DEVICE, ACTION, IsolationType.Full, T1);
    }

    private static DeviceReleaseRequestedEvent releaseRequested(String actionId) {
        return new DeviceReleaseRequestedEvent(DEVICE, actionId, "laptop-042.corp.example",
                "analyst@corp.example", "Suspected ransomware on the device", "PublicApi", null, T0);
    }

    private static MachineActionCancelledEvent cancelled(String actionId, ActionType type) {
        return new MachineActionCancelledEvent(DEVICE, actionId, type, "analyst@corp.example", "wrong device",
                "PublicApi", T1);
    }

    private static ChangeDeviceTagCommand tag(String tag, TagChange change) {
        return new ChangeDeviceTagCommand(DEVICE, tag, change, "analyst@corp.example", "PublicApi", T1,
                DeviceScope.ALL);
    }

    private static DeviceTagAddedEvent tagAdded(String tag) {
        return new DeviceTagAddedEvent(DEVICE, tag, "analyst@corp.example", "PublicApi", T1);
    }

    private static ReportActionStatusCommand report(String actionId, AgentReportedStatus status) {
        return new ReportActionStatusCommand(DEVICE, actionId, status, 0, T1);
    }
}
