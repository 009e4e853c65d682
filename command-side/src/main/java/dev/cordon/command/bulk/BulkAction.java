package dev.cordon.command.bulk;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.bulk.BulkActionCancelledEvent;
import dev.cordon.events.bulk.BulkActionDispatchedEvent;
import dev.cordon.events.bulk.BulkActionRequestedEvent;
import dev.cordon.events.bulk.BulkActionTargetsRefusedEvent;
import dev.cordon.events.bulk.BulkRefusal;
import dev.cordon.events.error.ErrorCode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One bulk action: its targets and what became of them. Each target's own action is the Device aggregate's (the
 * rules of a single isolate apply to it unchanged); this aggregate keeps what the bulk adds. The rules: a cancelled or
 * dispatched bulk takes no more targets (no refusals recorded, no second completion); a target is refused at most
 * once (a resumed dispatch may meet a refusal again); a cancelled bulk is not cancelled again.
 */
@Aggregate
public class BulkAction {

    @AggregateIdentifier
    private String bulkId;
    private Set<String> targets;
    private final Set<String> refused = new HashSet<>();
    private boolean dispatched;
    private boolean cancelled;

    protected BulkAction() {
        // for Axon: the aggregate is rebuilt from its events
    }

    /** A bulk whose every id was refused at request has nothing to dispatch: it is dispatched at once. */
    @CommandHandler
    public BulkAction(RequestBulkActionCommand cmd, BulkActionRegistry registry) {
        registry.register(cmd);
        var r = cmd.request();
        apply(new BulkActionRequestedEvent(cmd.bulkId(), cmd.actionType(), cmd.isolationType(), r.comment(),
                cmd.filter(), cmd.machineIds(), r.requestor(), r.requestSource(), r.externalId(), r.requestedAt()));
        if (!cmd.refusedAtRequest().isEmpty()) {
            apply(new BulkActionTargetsRefusedEvent(cmd.bulkId(), cmd.refusedAtRequest(), r.requestedAt()));
        }
        if (cmd.machineIds().isEmpty()) {
            // Counted from the command: in a constructor, Axon applies the events only once it has returned.
            apply(new BulkActionDispatchedEvent(cmd.bulkId(), 0, cmd.refusedAtRequest().size(), r.requestedAt()));
        }
    }

    /** Refusals of targets already refused, or of ids that are no targets, are dropped; none left: nothing stored. */
    @CommandHandler
    public void handle(RecordBulkRefusalsCommand cmd) {
        requireTakesTargets();
        Map<String, BulkRefusal> fresh = new LinkedHashMap<>();
        for (BulkRefusal refusal : cmd.refusals()) {
            if (targets.contains(refusal.machineId()) && !refused.contains(refusal.machineId())) {
                fresh.putIfAbsent(refusal.machineId(), refusal);
            }
        }
        if (!fresh.isEmpty()) {
            apply(new BulkActionTargetsRefusedEvent(bulkId, List.copyOf(fresh.values()), cmd.refusedAt()));
        }
    }

    @CommandHandler
    public void handle(CompleteBulkDispatchCommand cmd) {
        requireTakesTargets();
        long refusedTargets = refused.stream().filter(targets::contains).count();
        apply(new BulkActionDispatchedEvent(bulkId, targets.size() - (int) refusedTargets, refused.size(),
                cmd.dispatchedAt()));
    }

    /** As a second cancel of one action is refused (InvalidActionState), so is a second cancel of a bulk. */
    @CommandHandler
    public void handle(CancelBulkActionCommand cmd) {
        if (cancelled) {
            throw new RuleViolationException(ErrorCode.InvalidActionState,
                    "Bulk action " + bulkId + " is already cancelled.");
        }
        apply(new BulkActionCancelledEvent(bulkId, cmd.requestor(), cmd.comment(), cmd.cancelledAt()));
    }

    private void requireTakesTargets() {
        if (cancelled || dispatched) {
            throw new RuleViolationException(ErrorCode.InvalidActionState, "Bulk action " + bulkId + " is "
                    + (cancelled ? "cancelled" : "dispatched") + ": it takes no more targets.");
        }
    }

    @EventSourcingHandler
    void on(BulkActionRequestedEvent e) {
        bulkId = e.bulkId();
        targets = new HashSet<>(e.machineIds());
    }

    @EventSourcingHandler
    void on(BulkActionTargetsRefusedEvent e) {
        e.refusals().forEach(refusal -> refused.add(refusal.machineId()));
    }

    @EventSourcingHandler
    void on(BulkActionDispatchedEvent e) {
        dispatched = true;
    }

    @EventSourcingHandler
    void on(BulkActionCancelledEvent e) {
        cancelled = true;
    }
}
