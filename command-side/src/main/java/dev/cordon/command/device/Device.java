package dev.cordon.command.device;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.eligibility.IsolationEligibility;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroups;
import dev.cordon.command.group.GroupAssignment;
import dev.cordon.command.snapshot.SnapshotConfig;
import dev.cordon.events.MachineActionEvent;
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
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.transition.IsolationTransitions;
import dev.cordon.service.security.DeviceScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One device and its isolation. The rules: a device is never isolated twice, it is released only when
 * isolated, its OS must support the isolation type, and an open action ends by the agent's report, a
 * cancel or a timeout. Its tags are unique ignoring letter case, at most {@link #MAX_TAGS}. It is in one device group:
 * outside a caller's groups it does not exist for that caller (every command answers as for a device never
 * registered), and a caller registers devices into its own groups only. A rule broken throws
 * {@link RuleViolationException} and applies nothing. A command on an action answers the action as it left it
 * ({@link ActionRecord}), so the API's answer never depends on a read after the commit.
 * <p>
 * Its fields are also its snapshot (docs/events.md#snapshots): Axon writes them with Jackson, field by field, at the
 * revision below. A change of what the fields mean or hold takes the next revision; a snapshot of any other revision
 * is ignored (Axon's revision filter), and the device is loaded from its events, as before snapshots existed.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfig.DEVICE_SNAPSHOT_TRIGGER)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Device {

    /** Defender's portal shows a device's tags on one line: beyond a few dozen they stop being a label. */
    public static final int MAX_TAGS = 50;

    @AggregateIdentifier
    private String deviceId;
    private String computerDnsName;
    private OsPlatform osPlatform;
    private String osBuild;
    private String version;
    private String aadDeviceId;
    private RiskScore riskScore;
    private ExposureLevel exposureLevel;
    private IsolationState state;
    private IsolationType scope;
    private OpenAction openAction;
    private List<String> tags = new ArrayList<>();
    /** Null for a device registered before groups existed: it counts as in the default group. */
    private Integer groupId;
    private String groupName;

    protected Device() {
        // for Axon: the aggregate is rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RegistrationOutcome handle(RegisterDeviceCommand cmd, DeviceGroups groups) {
        if (deviceId == null) {
            requireMayPutIn(cmd.scope(), cmd.group());
            apply(new DeviceRegisteredEvent(cmd.deviceId(), cmd.computerDnsName(), cmd.osPlatform(), cmd.osBuild(),
                    cmd.version(), cmd.aadDeviceId(), cmd.riskScore(), cmd.exposureLevel(), cmd.at()));
            applyGroup(cmd);
            return RegistrationOutcome.REGISTERED;
        }
        requireVisibleTo(cmd.scope(), groups);
        boolean moves = movesTo(cmd.group());
        if (moves) {
            requireMayPutIn(cmd.scope(), cmd.group());
        }
        boolean detailsChanged = !sameDetails(cmd);
        if (!detailsChanged && !moves) {
            return RegistrationOutcome.UNCHANGED;
        }
        if (detailsChanged) {
            apply(new DeviceDetailsUpdatedEvent(deviceId, cmd.computerDnsName(), cmd.osPlatform(), cmd.osBuild(),
                    cmd.version(), cmd.aadDeviceId(), cmd.riskScore(), cmd.exposureLevel(), cmd.at()));
        }
        if (moves) {
            applyGroup(cmd);
        }
        return RegistrationOutcome.UPDATED;
    }

    @CommandHandler
    public ActionRecord handle(IsolateDeviceCommand cmd, IsolationEligibility eligibility,
                               ActionTimeoutPolicy timeouts, DeadlineManager deadlines, ActionDeadlineIds deadlineIds,
                               DeviceGroups groups) {
        requireVisibleTo(cmd.scope(), groups);
        requireNoOpenAction();
        if (state == IsolationState.Isolated) {
            throw new RuleViolationException(ErrorCode.ActiveRequestAlreadyExists,
                    "Machine " + deviceId + " is already isolated (" + scope + ").");
        }
        eligibility.requireEligible(osPlatform, osBuild, cmd.isolationType());
        ActionRequest r = cmd.request();
        var requested = new DeviceIsolationRequestedEvent(deviceId, cmd.actionId(), cmd.isolationType(),
                eligibility.keptConnectedApplications(cmd.isolationType()), computerDnsName,
                r.requestor(), r.comment(), r.requestSource(), r.externalId(), r.requestedAt(), cmd.bulkId());
        apply(requested);
        scheduleTimeout(cmd.actionId(), r, timeouts, deadlines, deadlineIds);
        return openAction.answerAfter(deviceId, requested);
    }

    @CommandHandler
    public ActionRecord handle(ReleaseDeviceCommand cmd, ActionTimeoutPolicy timeouts, DeadlineManager deadlines,
                               ActionDeadlineIds deadlineIds, DeviceGroups groups) {
        requireVisibleTo(cmd.scope(), groups);
        requireNoOpenAction();
        if (state == IsolationState.NotIsolated) {
            throw new RuleViolationException(ErrorCode.DeviceNotIsolated,
                    "Machine " + deviceId + " is not isolated, so it cannot be released.");
        }
        ActionRequest r = cmd.request();
        var requested = new DeviceReleaseRequestedEvent(deviceId, cmd.actionId(), computerDnsName,
                r.requestor(), r.comment(), r.requestSource(), r.externalId(), r.requestedAt(), cmd.bulkId());
        apply(requested);
        scheduleTimeout(cmd.actionId(), r, timeouts, deadlines, deadlineIds);
        return openAction.answerAfter(deviceId, requested);
    }

    /**
     * The cancel closes the open action, so the answer is built from the action as it was before. Outside the
     * caller's groups the action is as unknown as its device (the caller named the action, not the device).
     */
    @CommandHandler
    public ActionRecord handle(CancelMachineActionCommand cmd, DeadlineManager deadlines,
                               ActionDeadlineIds deadlineIds, DeviceGroups groups) {
        if (!covers(cmd.scope(), groups)) {
            throw RuleViolationException.unknownAction(cmd.actionId());
        }
        requireOpen(cmd.actionId());
        OpenAction action = openAction;
        ActionRequest r = cmd.request();
        var cancelled = new MachineActionCancelledEvent(deviceId, cmd.actionId(), action.type(), r.requestor(),
                r.comment(), r.requestSource(), r.requestedAt());
        apply(cancelled);
        cancelTimeout(cmd.actionId(), deadlines, deadlineIds);
        return action.answerAfter(deviceId, cancelled);
    }

    /** A success or failure closes the open action, so the answer is built from the action as it was before. */
    @CommandHandler
    public ActionRecord handle(ReportActionStatusCommand cmd, DeadlineManager deadlines,
                               ActionDeadlineIds deadlineIds) {
        requireOpen(cmd.actionId());
        OpenAction action = openAction;
        MachineActionEvent reported = switch (cmd.status()) {
            case InProgress -> {
                if (action.status() == ActionStatus.InProgress) {
                    throw new RuleViolationException(ErrorCode.InvalidActionState,
                            "Action " + cmd.actionId() + " is already InProgress.");
                }
                yield new MachineActionStartedEvent(deviceId, cmd.actionId(), action.type(), cmd.reportedAt());
            }
            case Succeeded -> action.type() == ActionType.Isolate
                    ? new DeviceIsolatedEvent(deviceId, cmd.actionId(), action.isolationType(), cmd.reportedAt())
                    : new DeviceReleasedEvent(deviceId, cmd.actionId(), cmd.reportedAt());
            case Failed -> action.type() == ActionType.Isolate
                    ? new DeviceIsolationFailedEvent(deviceId, cmd.actionId(), cmd.errorHResult(), cmd.reportedAt())
                    : new DeviceReleaseFailedEvent(deviceId, cmd.actionId(), cmd.errorHResult(), cmd.reportedAt());
        };
        apply(reported);
        if (cmd.status() != AgentReportedStatus.InProgress) {
            cancelTimeout(cmd.actionId(), deadlines, deadlineIds);
        }
        return action.answerAfter(deviceId, reported);
    }

    /**
     * Adding a tag the device has (in any letter case) or removing one it lacks changes nothing and stores nothing, so
     * a retried call is harmless. Tags change no isolation, so they may change while an action is open.
     */
    @CommandHandler
    public DeviceTags handle(ChangeDeviceTagCommand cmd, DeviceGroups groups) {
        requireVisibleTo(cmd.scope(), groups);
        Optional<String> existing = tagLike(cmd.tag());
        if (cmd.change() == TagChange.Add && existing.isEmpty()) {
            if (tags.size() >= MAX_TAGS) {
                throw new RuleViolationException(ErrorCode.InvalidInput, "Machine " + deviceId + " already has "
                        + MAX_TAGS + " tags, the most a device may have; remove one before adding another.");
            }
            apply(new DeviceTagAddedEvent(deviceId, cmd.tag(), cmd.requestor(), cmd.requestSource(), cmd.at()));
        } else if (cmd.change() == TagChange.Remove && existing.isPresent()) {
            apply(new DeviceTagRemovedEvent(deviceId, existing.get(), cmd.requestor(), cmd.requestSource(),
                    cmd.at()));
        }
        return new DeviceTags(deviceId, computerDnsName, aadDeviceId, List.copyOf(tags));
    }

    @DeadlineHandler(deadlineName = ActionTimeoutDeadline.NAME)
    public void on(ActionTimeoutDeadline deadline, ActionDeadlineIds deadlineIds) {
        deadlineIds.take(deadline.actionId());
        // A deadline that outlived its action changes nothing: one ended while the cancellation was in flight, or one
        // requested before deadline ids were kept, whose end could not cancel it (see cancelTimeout).
        if (openAction != null && openAction.actionId().equals(deadline.actionId())) {
            apply(new MachineActionTimedOutEvent(deviceId, deadline.actionId(), openAction.type(), deadline.dueAt()));
        }
    }

    /** Outside the caller's groups the device does not exist: CommandSender's answer for a device never registered. */
    private void requireVisibleTo(DeviceScope scope, DeviceGroups groups) {
        if (!covers(scope, groups)) {
            throw RuleViolationException.unknownMachine(deviceId);
        }
    }

    private boolean covers(DeviceScope scope, DeviceGroups groups) {
        return scope.covers(groupName != null ? groupName : groups.defaultName());
    }

    /** A caller puts devices only into the groups it covers: it could not act on them there. */
    private void requireMayPutIn(DeviceScope scope, GroupAssignment group) {
        if (!scope.covers(group.groupName())) {
            throw new RuleViolationException(ErrorCode.Forbidden, "You may register devices only in your own device"
                    + " groups, and " + group.groupName() + " is not one of them.");
        }
    }

    /** A device registered before groups existed is put in its group by its next registration. */
    private boolean movesTo(GroupAssignment group) {
        return groupName == null || groupId != group.groupId() || !groupName.equals(group.groupName());
    }

    private void applyGroup(RegisterDeviceCommand cmd) {
        GroupAssignment group = cmd.group();
        apply(new DeviceGroupChangedEvent(cmd.deviceId(), group.groupId(), group.groupName(), groupName,
                group.reason(), cmd.requestor(), cmd.requestSource(), cmd.at()));
    }

    private void requireNoOpenAction() {
        if (openAction != null) {
            throw new RuleViolationException(ErrorCode.ActiveRequestAlreadyExists,
                    "Machine " + deviceId + " already has an active " + openAction.type() + " request ("
                            + openAction.actionId() + ", " + openAction.status() + "); the device is " + state + ".");
        }
    }

    private void requireOpen(String actionId) {
        if (openAction == null || !openAction.actionId().equals(actionId)) {
            throw new RuleViolationException(ErrorCode.InvalidActionState,
                    "Action " + actionId + " is no longer pending or in progress.");
        }
    }

    private void scheduleTimeout(String actionId, ActionRequest r, ActionTimeoutPolicy timeouts,
                                 DeadlineManager deadlines, ActionDeadlineIds deadlineIds) {
        var dueAt = r.requestedAt().plus(timeouts.timeout());
        deadlineIds.keep(actionId, deadlines.schedule(dueAt, ActionTimeoutDeadline.NAME,
                new ActionTimeoutDeadline(actionId, dueAt)));
    }

    /**
     * Cancels the ended action's own deadline by its id: one delete by key, whatever the number of open actions. An
     * action requested before ids were kept has none, and its deadline is left to fire: the deadline handler ignores
     * it, since the action is no longer open. Cancelling it with cancelAllWithinScope instead would scan every
     * scheduled deadline again, for the benefit of one harmless no-op per such action within one timeout of the upgrade.
     */
    private static void cancelTimeout(String actionId, DeadlineManager deadlines, ActionDeadlineIds deadlineIds) {
        deadlineIds.take(actionId).ifPresent(id -> deadlines.cancelSchedule(ActionTimeoutDeadline.NAME, id));
    }

    private boolean sameDetails(RegisterDeviceCommand cmd) {
        return Objects.equals(computerDnsName, cmd.computerDnsName()) && osPlatform == cmd.osPlatform()
                && Objects.equals(osBuild, cmd.osBuild()) && Objects.equals(version, cmd.version())
                && Objects.equals(aadDeviceId, cmd.aadDeviceId()) && riskScore == cmd.riskScore()
                && exposureLevel == cmd.exposureLevel();
    }

    private Optional<String> tagLike(String tag) {
        String folded = tag.toLowerCase(Locale.ROOT);
        return tags.stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(folded)).findFirst();
    }

    @EventSourcingHandler
    void on(DeviceRegisteredEvent e) {
        deviceId = e.deviceId();
        state = IsolationTransitions.stateAfter(null, e);
        computerDnsName = e.computerDnsName();
        osPlatform = e.osPlatform();
        osBuild = e.osBuild();
        version = e.version();
        aadDeviceId = e.aadDeviceId();
        riskScore = e.riskScore();
        exposureLevel = e.exposureLevel();
    }

    @EventSourcingHandler
    void on(DeviceDetailsUpdatedEvent e) {
        computerDnsName = e.computerDnsName();
        osPlatform = e.osPlatform();
        osBuild = e.osBuild();
        version = e.version();
        aadDeviceId = e.aadDeviceId();
        riskScore = e.riskScore();
        exposureLevel = e.exposureLevel();
    }

    @EventSourcingHandler
    void on(DeviceGroupChangedEvent e) {
        groupId = e.groupId();
        groupName = e.groupName();
    }

    @EventSourcingHandler
    void on(DeviceTagAddedEvent e) {
        tags.add(e.tag());
    }

    @EventSourcingHandler
    void on(DeviceTagRemovedEvent e) {
        tags.remove(e.tag());
    }

    /** Every action event: the state, scope and open action after it, as the shared transitions say. */
    @EventSourcingHandler
    void on(MachineActionEvent e) {
        state = IsolationTransitions.stateAfter(state, e);
        scope = IsolationTransitions.scopeAfter(scope, e);
        openAction = OpenAction.after(openAction, e);
    }
}
