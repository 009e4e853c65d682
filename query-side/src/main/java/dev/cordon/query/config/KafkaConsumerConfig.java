package dev.cordon.query.config;

import dev.cordon.query.projection.DataErrors;
import dev.cordon.query.projection.PoisonRecordException;
import dev.cordon.service.kafka.KafkaClientIds;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the projection's consumer fails: a record that can never be projected (poison, or data the database
 * rejects) is logged and skipped at once; anything else is retried in place.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfig.class);
    private static final BackOff NO_RETRY = new FixedBackOff(0, 0);

    /**
     * Boot hands this to the auto-configured listener container factory. Retries never give up: skipping an
     * event because the database was down would leave the read models wrong for good, while a stalled
     * partition heals once the database is back. Retrying the same record keeps the per-device order. But a
     * record whose data the database rejects would fail the same way forever, and with one listener thread
     * stall every device: it is skipped like poison.
     */
    @Bean
    public DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> log.error(
                "Skipping record {}-{}@{} (key {}) that can never be projected: {}", record.topic(),
                record.partition(), record.offset(), record.key(), rootMessage(e)), backOff);
        // DeserializationException and friends are not retried by default already.
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        // Null: the retrying back-off above. Asked again whenever the failure's class changes (e.g. from
        // "database down" to "data rejected" on the same record).
        handler.setBackOffFunction((record, e) -> DataErrors.isDataError(e) ? NO_RETRY : null);
        handler.setCommitRecovered(true);
        return handler;
    }

    /** This replica's own client id (KafkaClientIds) on the consumer Boot builds, unless the operator set one. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer instanceClientId(KafkaProperties kafka) {
        String id = KafkaClientIds.orDefault(kafka.getConsumer().getClientId(), "query-side");
        return factory -> factory.updateConfigs(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, id));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof PoisonRecordException) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
