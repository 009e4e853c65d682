package dev.cordon.query.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EventStoreActionLookupTest {

    private static EventStoreActionLookup lookup(DataSource dataSource) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (dataSource != null) {
            beans.registerSingleton(EventStoreActionLookup.DATA_SOURCE, dataSource);
        }
        return new EventStoreActionLookup(beans.getBeanProvider(DataSource.class));
    }

    @Test
    void find_whenEventStoreDisabled_isEmpty() {
        assertThat(lookup(null).find("act-1")).isEmpty();
    }

    /** Not 404: a Defender client takes that as final, while the event store is usually back in a moment. */
    @Test
    void find_whenEventStoreUnreachable_isServiceUnavailable() {
        EventStoreActionLookup lookup = lookup(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "postgres", ""));
        assertThatThrownBy(() -> lookup.find("act-1")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.ServiceUnavailable);
    }

    @Test
    void find_whenIdLongerThanAnyActionId_doesNotQuery() {
        assertThat(lookup(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"))
                .find("x".repeat(65))).isEmpty();
    }
}
