package dev.cordon.command.ids;

import dev.cordon.service.ids.RandomUuids;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's ids of commands, events and their messages from {@link RandomUuids}, instead of Axon's default
 * {@code UUID.randomUUID()}, whose one shared generator every command thread queued on. Axon finds this class
 * through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public class AxonIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomUuids.nextString();
    }
}
