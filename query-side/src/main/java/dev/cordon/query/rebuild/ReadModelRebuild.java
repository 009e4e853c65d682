package dev.cordon.query.rebuild;

import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.projection.DeviceEventListener;
import dev.cordon.query.jdbc.SqlDialect;
import dev.cordon.query.projection.DeviceEventProjection;
import dev.cordon.query.jdbc.ReadModelTables;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from history beside the live ones, which keep answering reads throughout:
 * <ol>
 * <li>building: the history (Kafka from its first offset, or the event store) is projected into shadow tables
 * through the live consumer's own entry point, while the live projection keeps running;</li>
 * <li>catching-up: once the live projection has caught up with the topic it is paused, and the shadow reads what
 * the live one applied meanwhile (up to its committed offsets, or the event store's new tail);</li>
 * <li>verifying: both are compared, row counts and checksums per read model, and the first difference;</li>
 * <li>switching (or, to verify only, discarding): in one transaction the shadow tables take the live names
 * (PostgreSQL), or their rows replace the live rows (H2, whose DDL is not transactional);</li>
 * <li>the live projection resumes from its committed offsets, so nothing that arrived meanwhile is lost.</li>
 * </ol>
 * One rebuild at a time, per instance. With several query-side instances on one database, run it with the others
 * stopped: only this instance's projection is paused.
 */
@Service
public class ReadModelRebuild {

    public static final String SHADOW_SUFFIX = "_rebuild";

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final ReadModelTables LIVE = ReadModelTables.LIVE;
    private static final ReadModelTables SHADOW = LIVE.withSuffix(SHADOW_SUFFIX);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<DataSource> eventStore;
    private final DeviceEventListener entryPoint;
    private final LiveProjection liveProjection;
    private final RebuildKafka kafka;
    private final RebuildProperties settings;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private final SqlDialect sqlDialect;
    private RebuildProgress current;

    public ReadModelRebuild(DataSource dataSource, JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc,
                            PlatformTransactionManager transactionManager,
                            @Qualifier(EventStoreActionLookup.DATA_SOURCE) ObjectProvider<DataSource> eventStore,
                            DeviceEventListener entryPoint, LiveProjection liveProjection, RebuildKafka kafka,
                            RebuildProperties settings, ApplicationEventPublisher events, SqlDialect sqlDialect) {
        this.dataSource = dataSource;
        this.sqlDialect = sqlDialect;
        this.jdbc = jdbc;
        this.namedJdbc = namedJdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventStore = eventStore;
        this.entryPoint = entryPoint;
        this.liveProjection = liveProjection;
        this.kafka = kafka;
        this.settings = settings;
        this.events = events;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws RebuildAlreadyRunningException if one is running
     */
    public synchronized RebuildStatus start(RebuildSource source, RebuildMode mode) {
        if (current != null && current.running()) {
            throw new RebuildAlreadyRunningException(current.snapshot());
        }
        RebuildProgress progress = new RebuildProgress(source, mode, clock, settings.progressInterval(),
                status -> events.publishEvent(new ReadModelRebuildPhaseChanged(status)));
        current = progress;
        executor.execute(() -> run(progress, source, mode));
        return progress.snapshot();
    }

    /** The running rebuild, else the last one, else {@code idle}. */
    public synchronized RebuildStatus status() {
        return current == null ? RebuildStatus.idle() : current.snapshot();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void run(RebuildProgress progress, RebuildSource source, RebuildMode mode) {
        ShadowTables dialect = null;
        try {
            progress.phase(RebuildPhase.BUILDING);
            dialect = ShadowTables.of(sqlDialect, jdbc, transactions);
            try (History history = open(source)) {
                progress.reading(history.source(), history.estimate());
                dialect.create(LIVE, SHADOW);
                ShadowProjector sink = new ShadowProjector(entryPoint, DeviceEventProjection.into(SHADOW, namedJdbc,
                        sqlDialect),
                        transactions, settings.batchSize(), progress);
                history.readAll(sink);
                progress.phase(RebuildPhase.CATCHING_UP);
                try {
                    Map<TopicPartition, Long> liveCommitted =
                            liveProjection.pauseWhenCaughtUp(settings.quiesceTimeout());
                    history.catchUp(sink, liveCommitted);
                    progress.phase(RebuildPhase.VERIFYING);
                    Verification verification = new ReadModelVerifier(dataSource, dialect).compare(LIVE, SHADOW);
                    progress.verified(verification);
                    logVerification(progress, verification);
                    if (mode == RebuildMode.SWITCH) {
                        progress.phase(RebuildPhase.SWITCHING);
                        dialect.swap(LIVE, SHADOW);
                    } else {
                        progress.phase(RebuildPhase.DISCARDING);
                        dialect.drop(SHADOW);
                    }
                } finally {
                    liveProjection.resume();
                }
            }
            progress.phase(RebuildPhase.DONE);
            RebuildStatus done = progress.snapshot();
            log.info("Read-model rebuild {} done in {} s: {} events from {} ({} skipped), {} events/s; {}",
                    done.id(), done.elapsedSeconds(), done.eventsDone(), done.source().value(), done.eventsSkipped(),
                    Math.round(done.eventsPerSecond()),
                    mode == RebuildMode.SWITCH ? "the rebuilt read models are live" : "the live read models are kept");
        } catch (RuntimeException | Error e) {
            // An Error too (out of memory while building): left running, the rebuild would refuse every next one.
            String reason = e instanceof RebuildException ? e.getMessage() : e.toString();
            log.error("Read-model rebuild {} failed: {}", progress.id(), reason, e);
            if (dialect != null) {
                try {
                    dialect.drop(SHADOW);
                } catch (RuntimeException dropFailed) {
                    log.warn("The shadow tables could not be dropped (the next rebuild drops them): {}",
                            dropFailed.toString());
                }
            }
            progress.failed(reason);
        }
    }

    private History open(RebuildSource source) {
        if (source == RebuildSource.EVENT_STORE) {
            return openEventStore(null);
        }
        KafkaHistory topic = KafkaHistory.open(kafka.newConsumer(), kafka.topic(), kafka.integrity());
        Optional<String> trimmed = topic.trimmed();
        if (trimmed.isEmpty()) {
            return topic;
        }
        topic.close();
        if (source == RebuildSource.KAFKA) {
            throw new RebuildException("The topic no longer holds the whole history (" + trimmed.get()
                    + "): rebuild from the event store instead");
        }
        return openEventStore(trimmed.get());
    }

    private History openEventStore(String whyNotKafka) {
        DataSource store = eventStore.getIfAvailable();
        if (store == null) {
            throw new RebuildException("The event store is disabled (cordon.query.event-store.enabled=false)"
                    + (whyNotKafka == null ? "" : " and the topic no longer holds the whole history ("
                    + whyNotKafka + ")"));
        }
        if (whyNotKafka != null) {
            log.info("Rebuilding from the event store: the topic no longer holds the whole history ({})",
                    whyNotKafka);
        }
        return EventStoreHistory.open(store, settings.batchSize());
    }

    private static void logVerification(RebuildProgress progress, Verification verification) {
        for (Verification.ReadModelComparison model : verification.readModels()) {
            log.info("Read-model rebuild {}: {} live {} rows ({}), rebuilt {} rows ({})", progress.id(),
                    model.readModel(), model.liveRows(), model.liveChecksum(), model.rebuiltRows(),
                    model.rebuiltChecksum());
        }
        if (verification.equal()) {
            log.info("Read-model rebuild {}: the rebuilt read models equal the live ones", progress.id());
        } else {
            Verification.Difference d = verification.firstDifference();
            log.warn("Read-model rebuild {}: the rebuilt read models differ from the live ones; first difference in"
                            + " {} at {}, column {}: live {}, rebuilt {}", progress.id(), d.readModel(), d.key(),
                    d.column(), d.live(), d.rebuilt());
        }
    }
}
