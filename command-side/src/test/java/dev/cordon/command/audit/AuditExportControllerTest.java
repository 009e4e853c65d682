package dev.cordon.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.service.request.RequestIds;
import dev.cordon.service.security.DeviceScope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.LinkedMultiValueMap;

/** What a reader sees when an export fails: an error JSON answer, or, once lines were sent, an error JSON line. */
class AuditExportControllerTest {

    /** A caller covering every device group, without a security context. */
    private static final RequestOriginResolver EVERY_GROUP = new RequestOriginResolver(Clock.systemUTC()) {
        @Override
        public DeviceScope scope() {
            return DeviceScope.ALL;
        }
    };

    private static final String LINE = "{\"specversion\":\"1.0\",\"id\":\"e-1\"}\n";

    /** Writes one line, optionally flushes it to the client, then loses the database. */
    private static EventExport failingAfterOneLine(boolean flushed) {
        return new EventExport(null, null) {
            @Override
            long write(Instant from, Instant to, String machineId, DeviceScope scope, OutputStream out) {
                try {
                    out.write(LINE.getBytes(StandardCharsets.UTF_8));
                    if (flushed) {
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new DataAccessResourceFailureException("connection to the event store lost");
            }
        };
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit/events");
        request.addHeader(RequestIds.HEADER, "req-7");
        return request;
    }

    @Test
    void events_failingBeforeAnythingWasSent_isAnsweredAsTheUsualErrorJson() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AuditExportController controller = new AuditExportController(failingAfterOneLine(false), null, null,
                EVERY_GROUP);

        assertThatThrownBy(() -> controller.events(new LinkedMultiValueMap<>(), request(), response))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(response.getContentAsByteArray()).as("the unsent line is dropped").isEmpty();
    }

    @Test
    void events_failingAfterLinesWereSent_endsWithAnErrorLineInsteadOfAnEvent() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AuditExportController controller = new AuditExportController(failingAfterOneLine(true), null, null,
                EVERY_GROUP);

        controller.events(new LinkedMultiValueMap<>(), request(), response);

        List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0) + "\n").isEqualTo(LINE);
        JsonNode error = new ObjectMapper().readTree(lines.get(1)).get("error");
        assertThat(error.get("code").asText()).isEqualTo("InternalServerError");
        assertThat(error.get("message").asText()).contains("before it was complete").contains("req-7");
        assertThat(error.get("target").asText()).isEqualTo("req-7");
    }
}
