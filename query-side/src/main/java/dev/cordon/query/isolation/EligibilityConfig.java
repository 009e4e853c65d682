package dev.cordon.query.isolation;

import dev.cordon.events.eligibility.EligibilityTable;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The eligibility table, read once at start: a table that does not load fails the start, as on the command side. */
@Configuration(proxyBeanMethods = false)
class EligibilityConfig {

    @Bean
    EligibilityTable eligibilityTable(IsolationProperties properties) throws IOException {
        try (InputStream table = properties.eligibility().getInputStream()) {
            return EligibilityTable.load(table);
        }
    }
}
