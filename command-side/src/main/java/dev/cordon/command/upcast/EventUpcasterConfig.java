package dev.cordon.command.upcast;

import dev.cordon.events.upcast.JsonUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event read from the store (to load a device, to publish, for the history and the export) is brought to
 * its current revision first. Axon picks up EventUpcaster beans and runs them in the storage engine.
 */
@Configuration
class EventUpcasterConfig {

    @Bean
    EventUpcaster sharedEventUpcasters() {
        return new EventUpcasterChain(JsonUpcasters.all().stream().map(AxonJsonUpcaster::new)
                .map(EventUpcaster.class::cast).toList());
    }
}
