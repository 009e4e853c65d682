package dev.cordon.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.cordon.query.projection.PoisonRecordException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
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

    @ParameterizedTest
    @ValueSource(strings = {"22021", "22P05", "22008", "23505", "23502"})
    void dataError_isSkippedWithoutRetry(String sqlState) {
        when(container.isRunning()).thenReturn(true);
        assertThat(handler.handleOne(failed(new DataIntegrityViolationException("rejected",
                new SQLException("the data", sqlState))), record, mock(Consumer.class), container)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "53300", "57P01", "40001", "40P01", "42P01", "XX000"})
    void connectionOrTransientError_isRetriedNotSkipped(String sqlState) {
        when(container.isRunning()).thenReturn(false);
        assertThat(handler.handleOne(failed(new DataAccessResourceFailureException("not now",
                new SQLException("the database", sqlState))), record, mock(Consumer.class), container)).isFalse();
    }

    @Test
    void dataError_afterConnectionFailureOfTheSameRecord_isSkipped() {
        when(container.isRunning()).thenReturn(false);
        assertThat(handler.handleOne(failed(new DataAccessResourceFailureException("down",
                new SQLException("connection refused", "08001"))), record, mock(Consumer.class), container)).isFalse();
        when(container.isRunning()).thenReturn(true);
        assertThat(handler.handleOne(failed(new DataIntegrityViolationException("rejected",
                new SQLException("invalid byte sequence", "22021"))), record, mock(Consumer.class), container))
                .isTrue();
    }

    private static ListenerExecutionFailedException failed(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
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
