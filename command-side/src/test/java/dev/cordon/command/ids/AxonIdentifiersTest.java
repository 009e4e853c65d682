package dev.cordon.command.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class AxonIdentifiersTest {

    @Test
    void axon_findsTheFactory_throughItsServiceFile() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(AxonIdentifiers.class);
    }

    @Test
    void eventMessages_getRandomVersion4Ids() {
        String first = GenericEventMessage.asEventMessage("one").getIdentifier();
        String second = GenericEventMessage.asEventMessage("two").getIdentifier();
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(first).isNotEqualTo(second);
    }
}
