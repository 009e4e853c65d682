package dev.cordon.query.dashboard.signin;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.PublicErrors;
import dev.cordon.service.request.RequestIds;
import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages' calls that the command side answers (every write, a device's history and state, the audit export):
 * sent on over HTTP with the session's access token as the bearer token, so that the command side judges them as
 * any client's call, and its answer passed back as it is. Only JSON bodies are relayed: a form or text/plain post,
 * which another site's page can send without asking, changes nothing.
 */
@RestController
@Hidden
@Conditional(SignInConfigured.class)
class CommandSideRelay {

    /** Request headers passed on besides the token. */
    private static final List<String> PASSED_ON = List.of("Idempotency-Key", HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT);
    /** Answer headers passed back besides the content type. */
    private static final List<String> PASSED_BACK = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
            RequestIds.HEADER);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_BODY = 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Longer than the command side's own limit on a command, so that its answer, not this, says it took too long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SessionTokens tokens;
    private final String commandSide;
    private final HttpClient http;

    CommandSideRelay(SessionTokens tokens, DashboardProperties properties) {
        this.tokens = tokens;
        String url = properties.commandSideUrl();
        this.commandSide = url == null ? "" : url.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @RequestMapping(InProcessReads.PREFIX + "/api/**")
    ResponseEntity<?> relay(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI()
                .substring(request.getContextPath().length() + InProcessReads.PREFIX.length());
        String method = request.getMethod();
        if (RouteTable.route(method, path) != Route.COMMAND_SIDE) {
            // The reads of this side are served in-process (InProcessReads); nothing else is here to relay to.
            return PublicErrors.answer(ErrorCode.MethodNotAllowed, method + " is not served on " + path + ".",
                    request);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (WRITES.contains(method) && !isJson(request.getContentType())) {
            return PublicErrors.answer(ErrorCode.UnsupportedMediaType, "The dashboard's writes are JSON: send"
                    + " Content-Type: application/json.", request);
        }
        if (body.length > MAX_BODY) {
            return PublicErrors.answer(ErrorCode.InvalidRequestBody, "The body is larger than 1 MiB.", request);
        }
        Optional<String> token = tokens.accessToken(request, response);
        if (token.isEmpty()) {
            return PublicErrors.answer(ErrorCode.Unauthorized, SignInEntryPoint.SIGNED_OUT, request);
        }
        if (commandSide.isBlank()) {
            return PublicErrors.answer(ErrorCode.ServiceUnavailable, "The command side's address is not configured"
                    + " (cordon.dashboard.command-side-url).", request);
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        HttpRequest.Builder relayed = HttpRequest.newBuilder(URI.create(commandSide + path + query)).timeout(TIMEOUT)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
                .header(RequestIds.HEADER, RequestIds.of(request))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : PASSED_ON) {
            String value = request.getHeader(name);
            if (value != null) {
                relayed.header(name, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(relayed.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException unreachable) {
            return PublicErrors.answer(ErrorCode.ServiceUnavailable, "The command side could not be reached; nothing"
                    + " was changed by this request. Try again shortly.", request);
        } catch (IOException noAnswer) {
            // Sent, perhaps applied, but not answered: a retry with the same Idempotency-Key is safe.
            return PublicErrors.answer(ErrorCode.ServiceUnavailable, "The command side did not answer in time; look"
                    + " at the device's actions before trying again.", request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PublicErrors.answer(ErrorCode.ServiceUnavailable, "Interrupted while relaying.", request);
        }
        HttpHeaders headers = new HttpHeaders();
        for (String name : PASSED_BACK) {
            answer.headers().firstValue(name).ifPresent(value -> headers.set(name, value));
        }
        answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(value -> headers.set(HttpHeaders.CONTENT_TYPE,
                value));
        return ResponseEntity.status(answer.statusCode()).headers(headers).body(answer.body());
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
