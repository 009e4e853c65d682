package dev.cordon.command.bulk;

import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.api.CommandSender;
import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.device.CancelMachineActionCommand;
import dev.cordon.command.device.IsolateDeviceCommand;
import dev.cordon.command.device.ReleaseDeviceCommand;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.bulk.BulkRefusal;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends each target of a bulk its own command, after the request was answered: the Isolate or ReleaseDeviceCommand a
 * single request sends, with the request's audit metadata and the caller's scope, through CommandSender, on a bounded
 * number of threads ({@code cordon.bulk.dispatch-threads}) shared by all the replica's bulks. Targets go in chunks; a
 * chunk's refusals are recorded in one event, then its end as the bulk's progress, which also renews the lease. A
 * failure that is no rule (the database away) ends the run and leaves the lease to run out: the bulk is then resumed
 * (BulkResumption) where its progress says, and each target's name-based action id keeps a target that already has
 * its action from getting a second one.
 */
@Component
class BulkDispatcher {

    static final int CHUNK = 100;
    private static final Logger log = LoggerFactory.getLogger(BulkDispatcher.class);

    private final BulkActionTable table;
    private final BulkTargets targets;
    private final ActionIndex actions;
    private final CommandSender commands;
    private final Clock clock;
    private final ExecutorService coordinators;
    private final ExecutorService workers;
    /** The bulks this replica is dispatching now: a resumption scan never starts a second run of one. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    BulkDispatcher(BulkActionTable table, BulkTargets targets, ActionIndex actions, CommandSender commands,
                   Clock clock, BulkProperties properties) {
        this.table = table;
        this.targets = targets;
        this.actions = actions;
        this.commands = commands;
        this.clock = clock;
        this.coordinators = Executors.newCachedThreadPool(named("bulk-dispatch"));
        this.workers = Executors.newFixedThreadPool(properties.dispatchThreads(), named("bulk-target"));
    }

    /** Dispatches the bulk in the background; the caller holds its lease (a new bulk's, or one it claimed). */
    void start(String bulkId) {
        if (!running.add(bulkId)) {
            return;
        }
        try {
            coordinators.execute(() -> {
                try {
                    run(bulkId);
                } catch (RuntimeException e) {
                    log.warn("Dispatch of bulk action {} stopped; it is resumed once its lease has run out: {}",
                            bulkId, e.toString());
                } finally {
                    running.remove(bulkId);
                }
            });
        } catch (RuntimeException e) {
            running.remove(bulkId);
            throw e;
        }
    }

    boolean isRunning(String bulkId) {
        return running.contains(bulkId);
    }

    private void run(String bulkId) {
        Optional<BulkActionRow> found = table.find(bulkId);
        if (found.isEmpty() || found.get().status() != BulkStatus.Dispatching) {
            return;
        }
        BulkActionRow bulk = found.get();
        List<String> all = targets.of(bulkId);
        for (int from = bulk.dispatchedTargets(); from < all.size(); from += CHUNK) {
            int to = Math.min(all.size(), from + CHUNK);
            List<BulkRefusal> refusals = dispatch(bulk, all.subList(from, to));
            try {
                if (!refusals.isEmpty()) {
                    send(bulk, new RecordBulkRefusalsCommand(bulkId, refusals, clock.instant()));
                }
            } catch (RuleViolationException e) {
                stopped(bulkId);
                return;
            }
            if (!table.progress(bulkId, to)) {
                stopped(bulkId);
                return;
            }
        }
        try {
            send(bulk, new CompleteBulkDispatchCommand(bulkId, clock.instant()));
        } catch (RuleViolationException e) {
            stopped(bulkId);
        }
    }

    /** The chunk's targets at once, on the workers; the refused ones, in request order. */
    private List<BulkRefusal> dispatch(BulkActionRow bulk, List<String> chunk) {
        List<CompletableFuture<Optional<BulkRefusal>>> sent = new ArrayList<>(chunk.size());
        for (String machineId : chunk) {
            sent.add(CompletableFuture.supplyAsync(() -> dispatch(bulk, machineId), workers));
        }
        List<BulkRefusal> refusals = new ArrayList<>();
        for (CompletableFuture<Optional<BulkRefusal>> target : sent) {
            try {
                target.join().ifPresent(refusals::add);
            } catch (CompletionException e) {
                // Wait for the chunk's other targets before giving up: none is left half sent by this run.
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return refusals;
    }

    /**
     * The target's command, unless the target has its action already (a resumed run); a refusal is one only if no
     * action with the target's id exists, since another run of the same bulk may have created it meanwhile.
     */
    private Optional<BulkRefusal> dispatch(BulkActionRow bulk, String machineId) {
        String actionId = BulkActionIds.actionIdOf(bulk.bulkId(), machineId);
        if (actions.exists(actionId)) {
            return Optional.empty();
        }
        ActionRequest request = new ActionRequest(bulk.requestor(), bulk.comment(), bulk.requestSource(),
                bulk.externalId(), clock.instant());
        Object command = bulk.actionType() == ActionType.Isolate
                ? new IsolateDeviceCommand(machineId, actionId, bulk.isolationType(), request, bulk.scope(),
                        bulk.bulkId())
                : new ReleaseDeviceCommand(machineId, actionId, request, bulk.scope(), bulk.bulkId());
        try {
            send(bulk, command);
            return Optional.empty();
        } catch (RuleViolationException e) {
            if (actions.exists(actionId)) {
                return Optional.empty();
            }
            return Optional.of(new BulkRefusal(machineId, e.code().name(), e.getMessage()));
        }
    }

    /** The run met a cancel (or lost its lease): if cancelled, what it created meanwhile is cancelled too. */
    private void stopped(String bulkId) {
        table.find(bulkId).filter(bulk -> bulk.status() == BulkStatus.Cancelled).ifPresent(bulk ->
                cancelOpenActions(bulk, new ActionRequest(bulk.cancellationRequestor(), bulk.cancellationComment(),
                        bulk.requestSource(), null, clock.instant()), bulk.requestId(), bulk.callerRequestId()));
    }

    /**
     * Cancels each open action of the bulk by its device's own command, as a single cancel does; one that ended
     * meanwhile is left as it ended.
     *
     * @param requestId the cancelling request's ids, the audit metadata of each cancel
     * @return how many were cancelled
     */
    int cancelOpenActions(BulkActionRow bulk, ActionRequest request, String requestId, String callerRequestId) {
        AtomicInteger cancelled = new AtomicInteger();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (ActionRecord action : actions.openActionsOfBulk(bulk.bulkId())) {
            sent.add(CompletableFuture.runAsync(() -> {
                try {
                    commands.send(new CancelMachineActionCommand(action.deviceId(), action.actionId(), request,
                            bulk.scope()), requestId, callerRequestId, request.requestor(), request.requestSource());
                    cancelled.incrementAndGet();
                } catch (RuleViolationException e) {
                    // It ended (or was cancelled) between the read and the command.
                }
            }, workers));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return cancelled.get();
    }

    private void send(BulkActionRow bulk, Object command) {
        commands.send(command, bulk.requestId(), bulk.callerRequestId(), bulk.requestor(), bulk.requestSource());
    }

    @PreDestroy
    void stop() {
        // What is in flight is left to its lease: the next run (here after a restart, or on another replica) resumes.
        coordinators.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
