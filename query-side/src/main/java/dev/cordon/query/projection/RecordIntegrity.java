package dev.cordon.query.projection;

import dev.cordon.events.kafka.RecordSignature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Only what the command side published reaches a read model: a record whose signature ({@link RecordSignature}) is
 * missing or does not verify was written by someone else who could reach the topic, or changed since. It is never
 * projected (live or in a rebuild from Kafka): it is logged, counted ({@value #REJECTED}) and reported by the health
 * check, and the projection goes on with the next record.
 */
@Component
public class RecordIntegrity {

    public static final String REJECTED = "cordon.projection.rejected.records";
    private static final Logger log = LoggerFactory.getLogger(RecordIntegrity.class);

    private final RecordSignature signature;
    private final Counter rejected;
    private final AtomicLong rejectedCount = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private volatile Instant lastRejected;

    public RecordIntegrity(RecordSignature signature, MeterRegistry registry) {
        this.signature = signature;
        this.rejected = Counter.builder(REJECTED)
                .description("Records on the topic not projected: unsigned, or their signature does not verify")
                .register(registry);
    }

    /** @return whether the record may be projected; one that may not is logged and counted here */
    public boolean admits(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(RecordSignature.HEADER);
        String given = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        if (signature.verify(record.key(), record.value(), given)) {
            return true;
        }
        rejected.increment();
        rejectedCount.incrementAndGet();
        lastRejected = clock.instant();
        log.warn("Record {}-{}@{} (key {}) not projected: {}; it was not published by the command side, or was"
                        + " changed since", record.topic(), record.partition(), record.offset(), record.key(),
                header == null ? "it has no signature" : "its signature does not verify");
        return false;
    }

    public long rejectedCount() {
        return rejectedCount.get();
    }

    /** @return when the last record was refused, or null if none was since this instance started */
    public Instant lastRejected() {
        return lastRejected;
    }
}
