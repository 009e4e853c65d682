package dev.cordon.standalone.gateway;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import jakarta.servlet.AsyncContext;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request in flight through the gateway, in async mode: its body read whole ({@link RequestBody}), the service
 * called without a thread waiting, its answer relayed ({@link ResponseRelay}). Every path ends in
 * {@link AsyncContext#complete()}.
 */
final class Exchange {

    private static final Logger log = LoggerFactory.getLogger(Exchange.class);

    private final AsyncContext async;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Destination destination;
    private final String requestId;
    private final Upstreams upstreams;
    private final HttpClient client;
    private volatile ResponseRelay relay;

    Exchange(AsyncContext async, Destination destination, String requestId, Upstreams upstreams, HttpClient client) {
        this.async = async;
        this.request = (HttpServletRequest) async.getRequest();
        this.response = (HttpServletResponse) async.getResponse();
        this.destination = destination;
        this.requestId = requestId;
        this.upstreams = upstreams;
        this.client = client;
    }

    void start(GatewayProperties settings, ScheduledExecutorService timer) throws IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        CompletableFuture<byte[]> body = hasBody
                ? RequestBody.read(request, settings.maxBodySize().toBytes(), settings.bodyTimeout(), timer)
                : CompletableFuture.completedFuture(null);
        body.whenComplete((bytes, failure) -> {
            if (failure == null) {
                send(bytes, 0);
            } else if (unwrap(failure) instanceof RefusedBody refused) {
                answer(() -> refused.answer(response, requestId));
            } else {
                log.debug("A client broke off its request body [{}]: {}", requestId, failure.toString());
                async.complete();
            }
        });
    }

    /** The client's connection failed: a relay under way stops reading the service. */
    void clientFailed() {
        ResponseRelay current = relay;
        if (current != null) {
            current.clientFailed();
        }
    }

    /** Tries the replicas in turn; only one that refused the connection (nothing reached it) is passed over. */
    private void send(byte[] body, int attempt) {
        URI base = destination.bases().get(attempt);
        HttpRequest upstreamRequest = upstreamRequest(URI.create(base + destination.pathAndQuery()), body);
        client.sendAsync(upstreamRequest, HttpResponse.BodyHandlers.ofPublisher()).whenComplete((answer, failure) -> {
            if (failure == null) {
                relay(answer);
                return;
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                upstreams.unreachable(base);
                log.debug("The {} at {} refused {} {} [{}]: {}", destination.upstream(), base, request.getMethod(),
                        request.getRequestURI(), requestId, cause.toString());
                if (attempt + 1 < destination.bases().size()) {
                    send(body, attempt + 1);
                    return;
                }
            } else {
                // Sent, perhaps in part: another replica must not get a second copy. The client may retry with its
                // Idempotency-Key.
                log.warn("The {} did not answer {} {} [{}]: {}", destination.upstream(), request.getMethod(),
                        request.getRequestURI(), requestId, cause.toString());
            }
            answer(() -> ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "The " + destination.upstream()
                    + " of Cordon is not reachable; try again shortly", requestId, GatewayServlet.RETRY_AFTER_SECONDS));
        });
    }

    private HttpRequest upstreamRequest(URI target, byte[] body) {
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

    @FunctionalInterface
    private interface Answer {
        void write() throws IOException;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Takes an answer nobody waits for and cancels it, which closes its connection to the service. */
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
