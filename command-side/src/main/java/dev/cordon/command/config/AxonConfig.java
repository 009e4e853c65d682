package dev.cordon.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.api.CommandSender;
import dev.cordon.command.device.ActionTimeoutPolicy;
import dev.cordon.command.eligibility.IsolationEligibility;
import dev.cordon.events.kafka.EventJson;
import java.time.Clock;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.idempotency.IdempotencyKeyTakenException;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AxonConfig {

    public static final String ACTION_INDEX_PROCESSOR = "action-index";
    public static final String KAFKA_PUBLISHER_PROCESSOR = "kafka-publisher";
    public static final String DEVICE_ALIASES_PROCESSOR = "device-aliases";
    public static final String DEVICE_GROUPS_PROCESSOR = "device-groups";
    public static final String BULK_ACTIONS_PROCESSOR = "bulk-actions";

    /**
     * Axon would otherwise share Spring's ObjectMapper, and a {@code spring.jackson.*} setting meant for HTTP
     * would change the stored event format. Events are kept forever: they get their own mapper.
     */
    @Bean
    @Qualifier("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return EventJson.newMapper();
    }

    /** Retries are rare (a lost race); one thread serves them, and it stops with the application. */
    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Two commands for one device that race (on one or several replicas) meet at the event store's unique
     * (device, sequence) key; the loser's ConcurrencyException is retried, and the retry then sees the winner's
     * state and answers by the rules. A broken rule or an unknown device stays what it is: never retried; nor is an
     * idempotency key another request took, which no retry can take back.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         CordonProperties properties) {
        CordonProperties.Commands commands = properties.commands();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .retryInterval((int) commands.retryInterval().toMillis())
                        .maxRetryCount(commands.maxRetries())
                        .nonTransientFailurePredicate(failure -> failure instanceof RuleViolationException
                                || failure instanceof AggregateNotFoundException
                                || failure instanceof IdempotencyKeyTakenException
                                || failure instanceof AxonNonTransientException)
                        .build())
                .build();
    }

    /**
     * Axon recognises a duplicate (device, sequence) only by the JDBC standard's exception class, which the
     * PostgreSQL driver does not throw; without this, the loser of a race between replicas would get a 500
     * instead of a retry. 23505 is PostgreSQL's (and the SQL standard's) unique_violation; H2 (standalone mode)
     * reports the same SQLState, so one check serves both.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * By default Axon logs a failing event handler and moves on. For the action index that would leave an
     * action without its row (for the bulk table, a bulk without its refusals or status); for the publisher, an
     * event that never reaches Kafka. Both must fail instead: the index rolls the command back, the publisher
     * retries the batch.
     */
    @Bean
    public ConfigurerModule failLoudlyInProcessors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(ACTION_INDEX_PROCESSOR, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(DEVICE_ALIASES_PROCESSOR,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(DEVICE_GROUPS_PROCESSOR,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(BULK_ACTIONS_PROCESSOR,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(KAFKA_PUBLISHER_PROCESSOR, c -> PropagatingErrorHandler.instance());
    }

    /** Copies the audit metadata of a command (see CommandSender) onto every event it causes. */
    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(CommandSender.REQUEST_ID, CommandSender.CALLER_REQUEST_ID,
                CommandSender.REQUESTOR, CommandSender.REQUEST_SOURCE);
    }

    /** Axon's correlation and trace ids; declared because a custom provider replaces the default. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public IsolationEligibility isolationEligibility(CordonProperties properties) throws IOException {
        try (InputStream table = properties.isolation().eligibility().getInputStream()) {
            return IsolationEligibility.load(table);
        }
    }

    @Bean
    public ActionTimeoutPolicy actionTimeoutPolicy(CordonProperties properties) {
        return new ActionTimeoutPolicy(properties.actions().timeout());
    }

    /**
     * Microseconds, the most both databases keep: a command's answer is built from its events, and must show the
     * times that action_index and the query side store, not nanoseconds they would round away.
     */
    @Bean
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
