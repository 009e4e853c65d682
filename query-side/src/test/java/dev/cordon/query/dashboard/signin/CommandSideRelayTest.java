package dev.cordon.query.dashboard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.error.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CommandSideRelayTest {

    private static final SessionTokens SIGNED_IN = new SessionTokens(null) {
        @Override
        Optional<String> accessToken(HttpServletRequest request, HttpServletResponse response) {
            return Optional.of("token");
        }
    };

    @Test
    void relay_whenTheCommandSideIsUnreachable_is503WithRetryAfter() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CommandSideRelay relay = new CommandSideRelay(SIGNED_IN, properties("http://127.0.0.1:" + closed));

        ResponseEntity<?> answer = relay.relay(isolate("application/json"), new MockHttpServletResponse());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(((ErrorResponse) answer.getBody()).error().code()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void relay_whenTheBodyIsNotJson_is415_andCallsNothing() throws Exception {
        CommandSideRelay relay = new CommandSideRelay(SIGNED_IN, properties("http://127.0.0.1:1"));

        ResponseEntity<?> answer = relay.relay(isolate("text/plain;charset=UTF-8"), new MockHttpServletResponse());

        assertThat(answer.getStatusCode().value()).isEqualTo(415);
    }

    private static MockHttpServletRequest isolate(String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/dashboard/api/machines/m-1/isolate");
        request.setContentType(contentType);
        request.setContent("{\"Comment\":\"c\"}".getBytes());
        return request;
    }

    private static DashboardProperties properties(String commandSideUrl) {
        return new DashboardProperties(null, commandSideUrl, null);
    }
}
