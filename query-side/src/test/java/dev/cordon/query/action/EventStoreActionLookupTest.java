package dev.cordon.query.action;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void find_whenEventStoreUnreachable_isEmpty() {
        assertThat(lookup(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "postgres", ""))
                .find("act-1")).isEmpty();
    }

    @Test
    void find_whenIdLongerThanAnyActionId_doesNotQuery() {
        assertThat(lookup(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"))
                .find("x".repeat(65))).isEmpty();
    }
}
