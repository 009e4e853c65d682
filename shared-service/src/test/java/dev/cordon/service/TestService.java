package dev.cordon.service;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
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

        @PostMapping(path = "/api/body", consumes = "application/json")
        Body body(@RequestBody Body body) {
            return body;
        }
    }
}
