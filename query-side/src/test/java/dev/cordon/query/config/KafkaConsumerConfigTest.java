package dev.cordon.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.cordon.query.consumer.PoisonRecordException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

class KafkaConsumerConfigTest {

    private final DefaultErrorHandler handler = new KafkaConsumerConfig().kafkaErrorHandler();
    private final ConsumerRecord<String, String> record = new ConsumerRecord<>("cordon.device-events", 0, 7, "dev-1",
            "garbage");
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);

    @Test
    void poisonRecord_isSkippedWithoutRetry() {
        when(container.isRunning()).thenReturn(true);
        boolean skipped = handler.handleOne(
                new ListenerExecutionFailedException("listener failed", new PoisonRecordException("not JSON")),
                record, mock(Consumer.class), container);
        assertThat(skipped).isTrue();
    }

    @Test
    void databaseError_isRetriedNotSkipped() {
        // A stopped container cuts the back-off sleep short; the record must still not be given up.
        when(container.isRunning()).thenReturn(false);
        boolean skipped = handler.handleOne(
                new ListenerExecutionFailedException("listener failed",
                        new DataAccessResourceFailureException("database down")),
                record, mock(Consumer.class), container);
        assertThat(skipped).isFalse();
    }
}
