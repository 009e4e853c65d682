package dev.cordon.command.publish;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.command.config.CordonProperties;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the publisher's segments move between replicas (docs/operations.md#failover). A replica that dies keeps its
 * claims until the token claim timeout passes; another one looks for free segments every token claim interval, so
 * the segments are taken over within the sum. But a claim is extended only between batches: a batch waiting for the
 * brokers longer than the claim timeout would lose its segment to another replica, which then publishes the same
 * events again (146 duplicates in the cluster trial). So the coordinator extends the claims of segments whose batch is
 * under way, and the claim timeout must still outlast the longest wait of one batch (its first send's metadata wait,
 * then the send timeout), which start-up checks. An idle segment's claim is extended well before it could be taken
 * for dead.
 */
@Configuration(proxyBeanMethods = false)
class PublisherClaims {

    /** The publisher's own wait on top of the send timeout (KafkaEventPublisher). */
    static final Duration AWAIT_MARGIN = Duration.ofSeconds(1);

    @Bean
    ConfigurerModule publisherClaimExtension(CordonProperties properties,
                                             @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}")
                                             Duration claimTimeout) {
        check(properties.kafka(), claimTimeout);
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                AxonConfig.KAFKA_PUBLISHER_PROCESSOR,
                (config, builder) -> builder.claimExtensionThreshold(claimTimeout.toMillis() / 4)
                        .enableCoordinatorClaimExtension()
                        // Not about claims, but Axon keeps one such configuration per processor: see the class.
                        .messageSource(new TailingEventSource(config.eventStore(),
                                AxonConfig.KAFKA_PUBLISHER_PROCESSOR)));
    }

    static void check(CordonProperties.Kafka kafka, Duration claimTimeout) {
        Duration longestBatch = kafka.maxBlock().plus(kafka.sendTimeout()).plus(AWAIT_MARGIN);
        if (claimTimeout.compareTo(longestBatch) <= 0) {
            throw new IllegalArgumentException("The publisher's token claim timeout (" + claimTimeout + ") must be"
                    + " longer than cordon.kafka.max-block plus cordon.kafka.send-timeout plus 1 s (" + longestBatch
                    + "): otherwise a batch waiting for the brokers loses its segment and is published twice");
        }
    }
}
