package dev.cordon.standalone.gateway;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import dev.cordon.service.request.RequestIds;
import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one base URL: every request goes, as it came, to the service the {@link RouteTable} names (the built-in token
 * service's URLs, which only the standalone mode has, to the token service), and the answer comes back as it is
 * produced. Nothing waits on a thread: the body is read as it arrives, the service is called asynchronously and its
 * answer written as the client takes it ({@link ResponseRelay}), so slow clients and open event streams cost
 * connections and memory, not the container's threads. What one client, and the change streams together, may hold
 * is bounded ({@link GatewayProperties}).
 */
public class GatewayServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(GatewayServlet.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final transient Upstreams upstreams;
    private final transient HttpClient client;
    private final transient GatewayProperties settings;
    private final transient ScheduledExecutorService timer;
    private final transient ClientLimit clients;
    private final transient ChangeStreams changeStreams;

    public GatewayServlet(Upstreams upstreams, HttpClient client, GatewayProperties settings,
            ScheduledExecutorService timer) {
        this.upstreams = upstreams;
        this.client = client;
        this.settings = settings;
        this.timer = timer;
        this.clients = new ClientLimit(settings.perClientRequests());
        this.changeStreams = new ChangeStreams(settings.changeStreams());
    }

    /** Where one request goes, decided before anything is read or held. */
    private record Target(List<URI> bases, String upstream, String pathAndQuery) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.decide(request.getHeader(RequestIds.HEADER));
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Target target;
        URI tokenService = upstreams.tokenServiceFor(path);
        String pathAndQuery = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (tokenService != null) {
            target = new Target(List.of(tokenService), "token service", pathAndQuery);
        } else {
            Route route = RouteTable.route(request.getMethod(), path);
            if (route == Route.NOT_ROUTED) {
                ErrorWriter.write(response, ErrorCode.NotFound, "No such resource on this URL", requestId, 0);
                return;
            }
            target = new Target(upstreams.candidates(route), route.description(), pathAndQuery);
        }
        if (target.bases().isEmpty()) {
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable,
                    "Cordon is starting or stopping; try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        }
        if (!parses(target.bases().get(0), pathAndQuery)) {
            ErrorWriter.write(response, ErrorCode.InvalidInput,
                    "The URL could not be parsed; encode it as UTF-8 with valid %XX escapes", requestId, 0);
            return;
        }
        long cap = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > cap) {
            refuseBody(response, RefusedBody.tooLarge(cap), requestId);
            return;
        }
        admit(request, response, target, requestId);
    }

    /** Counts the request against its client's limit, and a change stream against theirs, for as long as it lasts. */
    private void admit(HttpServletRequest request, HttpServletResponse response, Target target, String requestId)
            throws IOException {
        String address = request.getRemoteAddr();
        if (!clients.tryAcquire(address)) {
            ErrorWriter.write(response, ErrorCode.TooManyRequests, "Too many requests of this client at once (at most "
                    + settings.perClientRequests() + "); try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        }
        boolean stream = ChangeStreams.isChangeStream(request.getMethod(),
                request.getPathInfo() == null ? "/" : request.getPathInfo());
        if (stream && !changeStreams.tryOpen()) {
            clients.release(address);
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "Too many change streams are open (at most "
                    + settings.changeStreams() + "); try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        // No container timeout: an event stream lasts as long as its client wants; the body has its own deadline.
        async.setTimeout(0);
        Exchange exchange = new Exchange(async, request, response, target, requestId);
        AtomicBoolean released = new AtomicBoolean();
        async.addListener(new Released(() -> {
            if (released.compareAndSet(false, true)) {
                clients.release(address);
                if (stream) {
                    changeStreams.close();
                }
            }
        }, exchange));
        exchange.start();
    }

    /** One request in flight: its body, the service's answer, and the relay between them. */
    private final class Exchange {

        private final AsyncContext async;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final Target target;
        private final String requestId;
        private volatile ResponseRelay relay;

        Exchange(AsyncContext async, HttpServletRequest request, HttpServletResponse response, Target target,
                String requestId) {
            this.async = async;
            this.request = request;
            this.response = response;
            this.target = target;
            this.requestId = requestId;
        }

        void start() throws IOException {
            boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            CompletableFuture<byte[]> body = hasBody
                    ? RequestBody.read(request, settings.maxBodySize().toBytes(), settings.bodyTimeout(), timer)
                    : CompletableFuture.completedFuture(null);
            body.whenComplete((bytes, failure) -> {
                if (failure == null) {
                    send(bytes, 0);
                } else if (unwrap(failure) instanceof RefusedBody refused) {
                    answer(() -> refuseBody(response, refused, requestId));
                } else {
                    log.debug("A client broke off its request body [{}]: {}", requestId, failure.toString());
                    async.complete();
                }
            });
        }

        /** Tries the replicas in turn; only one that refused the connection (nothing reached it) is passed over. */
        private void send(byte[] body, int attempt) {
            URI base = target.bases().get(attempt);
            HttpRequest upstreamRequest = upstreamRequest(request, URI.create(base + target.pathAndQuery()), body,
                    requestId);
            client.sendAsync(upstreamRequest, HttpResponse.BodyHandlers.ofPublisher()).whenComplete((answer, failure) -> {
                if (failure == null) {
                    relay(answer);
                    return;
                }
                Throwable cause = unwrap(failure);
                if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                    upstreams.unreachable(base);
                    log.debug("The {} at {} refused {} {} [{}]: {}", target.upstream(), base, request.getMethod(),
                            request.getRequestURI(), requestId, cause.toString());
                    if (attempt + 1 < target.bases().size()) {
                        send(body, attempt + 1);
                        return;
                    }
                } else {
                    // Sent, perhaps in part: another replica must not get a second copy. The client may retry with
                    // its Idempotency-Key.
                    log.warn("The {} did not answer {} {} [{}]: {}", target.upstream(), request.getMethod(),
                            request.getRequestURI(), requestId, cause.toString());
                }
                answer(() -> ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "The " + target.upstream()
                        + " of Cordon is not reachable; try again shortly", requestId, RETRY_AFTER_SECONDS));
            });
        }

        private void relay(HttpResponse<Flow.Publisher<List<ByteBuffer>>> answer) {
            try {
                response.setStatus(answer.statusCode());
                Map<String, List<String>> headers = answer.headers().map();
                Set<String> connectionScoped = ProxyHeaders.connectionScoped(headers.entrySet().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("connection")).findFirst()
                        .map(Map.Entry::getValue).orElse(Collections.emptyList()));
                headers.forEach((name, values) -> {
                    if (ProxyHeaders.toClient(name, connectionScoped)) {
                        values.forEach(value -> response.addHeader(name, value));
                    }
                });
                ResponseRelay started = new ResponseRelay(async, response.getOutputStream());
                relay = started;
                answer.body().subscribe(started);
            } catch (IOException | IllegalStateException clientGone) {
                // The client left while the service was answering: the answer is dropped with its connection.
                log.debug("The client of [{}] left before its answer: {}", requestId, clientGone.toString());
                answer.body().subscribe(new Discard());
                async.complete();
            }
        }

        /** Writes a short answer of the gateway's own and ends the request; the client may be gone by now. */
        private void answer(Answer writer) {
            try {
                writer.write();
            } catch (IOException | IllegalStateException clientGone) {
                log.debug("The client of [{}] left before its answer: {}", requestId, clientGone.toString());
            } finally {
                async.complete();
            }
        }

        void clientFailed() {
            ResponseRelay current = relay;
            if (current != null) {
                current.clientFailed();
            }
        }
    }

    @FunctionalInterface
    private interface Answer {
        void write() throws IOException;
    }

    /**
     * A refused body: the rest of it is not read, so the connection cannot carry another request and is closed.
     */
    private static void refuseBody(HttpServletResponse response, RefusedBody refused, String requestId)
            throws IOException {
        response.setHeader("Connection", "close");
        ErrorWriter.write(response, refused.code(), refused.getMessage(), requestId, 0);
    }

    private static boolean parses(URI base, String pathAndQuery) {
        try {
            URI.create(base + pathAndQuery);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private HttpRequest upstreamRequest(HttpServletRequest request, URI target, byte[] body, String requestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).method(request.getMethod(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ProxyHeaders.Client caller = new ProxyHeaders.Client(request.getRemoteAddr(), request.getScheme(),
                request.getHeader("Host"), requestId);
        for (Map.Entry<String, String> header : ProxyHeaders.toUpstream(request.getHeaderNames(),
                request::getHeaders, caller)) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException restrictedOrInvalid) {
                // a header the HTTP client sets itself, or one that is not valid HTTP: not passed on
            }
        }
        return builder.build();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Frees the request's slots however it ends; a client whose connection failed stops its relay. */
    private record Released(Runnable release, Exchange exchange) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            exchange.clientFailed();
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // started once, by the gateway itself
        }
    }

    /** Reads and drops an answer nobody waits for, so that its connection can be reused or closed. */
    private static final class Discard implements Flow.Subscriber<List<ByteBuffer>> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // cancelled
        }

        @Override
        public void onError(Throwable throwable) {
            // cancelled
        }

        @Override
        public void onComplete() {
            // cancelled
        }
    }
}
