package dev.cordon.command.publish;

import dev.cordon.command.cloudevent.CloudEventMapper;
import dev.cordon.command.config.AxonConfig;
import dev.cordon.command.config.CordonProperties;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.KafkaContract;
import dev.cordon.events.kafka.RecordSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka. The event store is the outbox: this streaming processor reads it
 * from its stored token, sends a batch without waiting per record, and lets the batch (and its token) commit
 * only when the broker acknowledged every record. A failure rolls the batch back and it is sent again:
 * at-least-once, per-device order kept (one device's events stay in one segment and one partition).
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER_PROCESSOR)
class KafkaEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, String> kafka;
    private final CloudEventMapper mapper;
    private final String topic;
    private final Duration sendTimeout;
    private final PublishMetrics metrics;
    private final RecordSignature signature;
    private final PublisherShutdown shutdown;

    KafkaEventPublisher(KafkaTemplate<String, String> deviceEventsTemplate, CloudEventMapper mapper,
                        CordonProperties properties, PublishMetrics metrics, RecordSignature signature,
                        PublisherShutdown shutdown) {
        this.kafka = deviceEventsTemplate;
        this.shutdown = shutdown;
        this.signature = signature;
        this.mapper = mapper;
        this.metrics = metrics;
        this.topic = properties.kafka().topic();
        this.sendTimeout = properties.kafka().sendTimeout();
    }

    @EventHandler
    void publish(DomainEventMessage<?> event) {
        DeviceCloudEvent cloudEvent = mapper.toCloudEvent(event);
        String value = mapper.toJson(cloudEvent);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, cloudEvent.subject(), value);
        record.headers().add(KafkaContract.CONTENT_TYPE_HEADER,
                KafkaContract.CLOUDEVENTS_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordSignature.HEADER,
                signature.sign(cloudEvent.subject(), value).getBytes(StandardCharsets.UTF_8));
        CompletableFuture<SendResult<String, String>> send = kafka.send(record);
        String eventType = event.getPayloadType().getSimpleName();
        send.thenRun(() -> metrics.acknowledged(eventType, event.getTimestamp()));
        if (send.isCompletedExceptionally()) {
            // Fail the batch now rather than queue the rest of it behind a broker that already said no.
            send.join();
        }
        pendingSendsOfThisBatch().add(send);
    }

    private List<CompletableFuture<SendResult<String, String>>> pendingSendsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    /**
     * Each record completes within the producer's delivery timeout (the send timeout); the margin is for linger. A
     * command side being stopped waits only its close timeout ({@link PublisherShutdown}).
     */
    private void awaitAll(List<CompletableFuture<SendResult<String, String>>> sends) {
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, shutdown.graceOver()).get(sendTimeout.toMillis() + 1_000,
                    TimeUnit.MILLISECONDS);
            if (all.isDone()) {
                all.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic, e);
        } catch (Exception e) {
            log.warn("Publishing {} events to {} failed; the batch will be retried: {}", sends.size(), topic,
                    e.toString());
            throw new IllegalStateException("Publishing to " + topic + " failed", e);
        }
        if (!all.isDone()) {
            log.info("Stopping: {} events not acknowledged by {} yet; they are published on the next start",
                    sends.size(), topic);
            throw new IllegalStateException("Stopping before " + topic + " acknowledged the batch");
        }
    }
}
