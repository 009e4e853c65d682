package dev.cordon.query.config;

import dev.cordon.query.consumer.PoisonRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** How the projection's consumer fails: poison is skipped at once, anything else is retried in place. */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfig.class);

    /**
     * Boot hands this to the auto-configured listener container factory. Retries never give up: skipping an
     * event because the database was down would leave the read models wrong for good, while a stalled
     * partition heals once the database is back. Retrying the same record keeps the per-device order.
     */
    @Bean
    public DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> log.error(
                "Skipping poison record {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                record.key(), rootMessage(e)), backOff);
        // DeserializationException and friends are not retried by default already.
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        handler.setCommitRecovered(true);
        return handler;
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
