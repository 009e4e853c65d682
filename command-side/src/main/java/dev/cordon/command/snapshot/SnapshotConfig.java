package dev.cordon.command.snapshot;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Snapshots of the Device aggregate (docs/events.md#snapshots). A snapshot is written after the command's commit, on
 * a thread of its own, in a transaction of its own: the command's answer never waits for it, a failed snapshot
 * never fails a stored command, and the snapshot only ever holds committed events. Nothing decides on it either:
 * the one-winner race is still the event store's unique (device, sequence) key, and deadlines are kept in
 * {@code scheduled_tasks} and {@code action_deadlines}, not in the aggregate.
 */
@org.springframework.context.annotation.Configuration
public class SnapshotConfig {

    /** Read by {@code @Aggregate(snapshotTriggerDefinition = ...)} on Device. */
    public static final String DEVICE_SNAPSHOT_TRIGGER = "deviceSnapshotTrigger";

    /**
     * One thread: snapshots are background work on a 2-core machine, and Axon already takes at most one at a time per
     * device. The queue holds one task per device waiting for its snapshot, so it stays small.
     */
    @Bean(destroyMethod = "shutdownNow")
    @Qualifier("snapshotExecutor")
    public ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "device-snapshots");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Axon's own Spring snapshotter, as its auto-configuration builds it, with the executor above. */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           @Qualifier("snapshotExecutor") ExecutorService executor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    @Bean(DEVICE_SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition deviceSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return properties.afterEvents() == 0 ? NoSnapshotTriggerDefinition.INSTANCE
                : new EventCountSnapshotTriggerDefinition(snapshotter, properties.afterEvents());
    }
}
