package dev.cordon.command.health;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reports every processor's failed and committed batches to {@link ProcessorFailures}. The error handler still
 * propagates, as Axon's default does: the batch rolls back and is retried, nothing else changes.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorFailureTracking {

    @Bean
    ConfigurerModule reportProcessorFailures(ProcessorFailures failures) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultErrorHandler(config -> context -> {
                    failures.failed(context.eventProcessor(), context.error());
                    PropagatingErrorHandler.instance().handleError(context);
                })
                .registerDefaultHandlerInterceptor((config, processor) -> (unitOfWork, chain) -> {
                    unitOfWork.onCommit(committed -> failures.succeeded(processor));
                    return chain.proceed();
                });
    }
}
