package dev.cordon.standalone.gateway;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import dev.cordon.service.request.RequestIds;
import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one base URL: every request goes, as it came, to the service the {@link RouteTable} names (the built-in token
 * service's URLs, which only the standalone mode has, to the token service), and the answer
 * comes back as it is produced. Bodies are streamed both ways, never held, and each chunk the service sends is
 * flushed to the client as soon as nothing more is waiting, so server-sent events arrive one by one.
 */
public class GatewayServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(GatewayServlet.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final transient Upstreams upstreams;
    private final transient HttpClient client;
    /** Why commands cannot be taken now (a full data directory), or null. */
    private final transient Supplier<String> commandRefusal;

    public GatewayServlet(Upstreams upstreams, HttpClient client) {
        this(upstreams, client, () -> null);
    }

    public GatewayServlet(Upstreams upstreams, HttpClient client, Supplier<String> commandRefusal) {
        this.upstreams = upstreams;
        this.client = client;
        this.commandRefusal = commandRefusal;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.decide(request.getHeader(RequestIds.HEADER));
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        URI base = upstreams.tokenServiceFor(path);
        String upstream = "token service";
        if (base == null) {
            Route route = RouteTable.route(request.getMethod(), path);
            if (route == Route.NOT_ROUTED) {
                ErrorWriter.write(response, ErrorCode.NotFound, "No such resource on this URL", requestId, 0);
                return;
            }
            base = upstreams.of(route);
            upstream = route.description();
            boolean write = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
            String refusal = route == Route.COMMAND_SIDE && write ? commandRefusal.get() : null;
            if (refusal != null) {
                // Refused before the event store or the broker meet a full disk: a failed write may damage them.
                ErrorWriter.write(response, ErrorCode.ServiceUnavailable, refusal, requestId, RETRY_AFTER_SECONDS);
                return;
            }
        }
        if (base == null) {
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable,
                    "Cordon is starting or stopping; try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        }
        URI target;
        try {
            String query = request.getQueryString();
            target = URI.create(base + request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            ErrorWriter.write(response, ErrorCode.InvalidInput,
                    "The URL could not be parsed; encode it as UTF-8 with valid %XX escapes", requestId, 0);
            return;
        }
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(upstreamRequest(request, target, requestId), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | UncheckedIOException e) {
            log.warn("The {} did not answer {} {} [{}]: {}", upstream, request.getMethod(), path,
                    requestId, e.toString());
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "The " + upstream
                    + " of Cordon is not reachable; try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "Cordon is stopping", requestId, 0);
            return;
        }
        relay(answer, response);
    }

    private HttpRequest upstreamRequest(HttpServletRequest request, URI target, String requestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).method(request.getMethod(), body(request));
        ProxyHeaders.Client client = new ProxyHeaders.Client(request.getRemoteAddr(), request.getScheme(),
                request.getHeader("Host"), requestId);
        for (Map.Entry<String, String> header : ProxyHeaders.toUpstream(request.getHeaderNames(),
                request::getHeaders, client)) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException restrictedOrInvalid) {
                // a header the HTTP client sets itself, or one that is not valid HTTP: not passed on
            }
        }
        return builder.build();
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return request.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    private static void relay(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
        try (InputStream body = answer.body()) {
            response.setStatus(answer.statusCode());
            Map<String, List<String>> headers = answer.headers().map();
            Set<String> connectionScoped = ProxyHeaders.connectionScoped(
                    headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("connection"))
                            .findFirst().map(Map.Entry::getValue).orElse(Collections.emptyList()));
            headers.forEach((name, values) -> {
                if (ProxyHeaders.toClient(name, connectionScoped)) {
                    values.forEach(value -> response.addHeader(name, value));
                }
            });
            ServletOutputStream out = response.getOutputStream();
            if (body.available() == 0) {
                response.flushBuffer();
            }
            byte[] buffer = new byte[8192];
            int read;
            while ((read = body.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (body.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The client went away, or the service broke off mid-answer: the status is sent, nothing more to say.
            log.debug("Relaying an answer ended early: {}", e.toString());
        }
    }
}
