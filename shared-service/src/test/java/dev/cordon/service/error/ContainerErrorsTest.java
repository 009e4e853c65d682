package dev.cordon.service.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.TestService;
import dev.cordon.service.request.RequestIds;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat refuses before any filter or controller runs, through a real Tomcat: the public error JSON with the
 * request id, never Tomcat's HTML page. And the request id in the log line, by the shared log pattern.
 */
@SpringBootTest(classes = TestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ContainerErrorsTest {

    @LocalServerPort
    int port;

    @Test
    void encodedSlashInThePath_isAnsweredWithTheErrorJsonAndTheRequestId() throws IOException {
        Raw raw = send("GET /api/machines/a%2Fb/history HTTP/1.0", "enc-slash-1");
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.head()).containsIgnoringCase("Content-Type: application/json")
                .containsIgnoringCase("X-Request-ID: enc-slash-1");
        JsonNode error = new ObjectMapper().readTree(raw.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("BadRequest");
        assertThat(error.path("target").asText()).isEqualTo("enc-slash-1");
        assertThat(raw.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void illegalCharacterInTheRequestLine_isAnsweredWithTheErrorJson_andAnUnsafeIdIsReplaced() throws IOException {
        Raw raw = send("GET /api/machines/a|b/history HTTP/1.0", "abc def!");
        assertThat(raw.status()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(raw.body()).path("error");
        assertThat(UUID.fromString(error.path("target").asText())).isNotNull();
        assertThat(raw.body()).doesNotContain("<html");
    }

    @Test
    void aRequestsLogLine_carriesItsRequestId(CapturedOutput output) throws IOException {
        Raw raw = send("GET /api/machines/m-log/history HTTP/1.0\r\nAuthorization: Bearer "
                + TestIssuer.get().app("log-test", "Machine.Read.All"), "log-line-77");
        assertThat(raw.status()).isEqualTo(200);
        // The caller's id, then the server's own id of the call.
        assertThat(output.getOut()).containsPattern("\\[log-line-77 [0-9a-f-]{36}\\] .*history of m-log");
    }

    private record Raw(int status, String head, String body) {
    }

    private Raw send(String requestLine, String requestId) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\n" + RequestIds.HEADER + ": " + requestId + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, response.substring(split + 4));
        }
    }
}
