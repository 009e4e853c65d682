package dev.cordon.service;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.KafkaException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with nothing but shared-service's pieces and one controller that fails in each way the real ones do, so
 * the shared behaviour is tested without a database or a broker.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestService {

    public record Body(String Comment) {
    }

    @RestController
    public static class Endpoints {

        private static final Logger log = LoggerFactory.getLogger(Endpoints.class);

        @GetMapping("/api/machines/{id}/history")
        Map<String, String> history(@PathVariable String id) {
            log.info("history of {}", id);
            return Map.of("id", id);
        }

        @GetMapping("/api/refused")
        Map<String, String> refused(@RequestParam ErrorCode code) {
            throw new ApiException(code, "Refused with " + code);
        }

        @GetMapping("/api/broken")
        Map<String, String> broken() {
            throw new IllegalStateException("a bug, with internals: jdbc:postgresql://10.0.0.5/secret");
        }

        /** A dependency that is away, wrapped as the frameworks between it and a controller wrap it. */
        @GetMapping("/api/away")
        Map<String, String> away(@RequestParam String dependency) {
            throw switch (dependency) {
                // as Axon's EventStoreException wraps what Spring's DataSourceUtils threw for Hikari
                case "connection" -> new RuntimeException("An event could not be stored",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
                case "transaction" -> new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLException("Connection refused", "08001"));
                case "shutdown" -> new IllegalStateException("Failed to execute query",
                        new SQLException("terminating connection due to administrator command", "57P01"));
                case "timeout" -> new QueryTimeoutException("statement timeout");
                case "broker" -> new KafkaException("Send failed",
                        new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata"));
                // a lost race on the event store's unique key: the database answered, so it is no outage
                case "unique-violation" -> new IllegalStateException("Failed to store",
                        new SQLException("duplicate key value violates unique constraint", "23505"));
                default -> new IllegalArgumentException(dependency);
            };
        }

        /** As Spring reports a write to a client that closed its connection (a change stream's browser tab). */
        @GetMapping("/api/left")
        Map<String, String> left() throws java.io.IOException {
            throw new org.springframework.web.context.request.async.AsyncRequestNotUsableException(
                    "ServletOutputStream failed to flush: java.io.IOException: Broken pipe",
                    new java.io.IOException("Broken pipe"));
        }

        @PostMapping(path = "/api/body", consumes = "application/json")
        Body body(@RequestBody Body body) {
            return body;
        }
    }
}
