package dev.cordon.command.publish;

import dev.cordon.command.config.CordonProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completes once the command side has been stopping for the close timeout. A publishing batch that still waits for
 * the broker then gives up: Axon's shutdown waits for that batch, and with a dead broker it would otherwise wait the
 * whole send timeout (issue 14: a stop after a broker kill took 30 s). Its events stay unpublished in the event store
 * (the token does not move), so the next start publishes them.
 */
@Component
class PublisherShutdown {

    private final CompletableFuture<Void> graceOver = new CompletableFuture<>();
    private final Duration closeTimeout;

    PublisherShutdown(CordonProperties properties) {
        this.closeTimeout = properties.kafka().closeTimeout();
    }

    /** Published before any bean is stopped, so before Axon's processors wait for their batches. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        graceOver.completeOnTimeout(null, closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    CompletableFuture<Void> graceOver() {
        return graceOver;
    }
}
