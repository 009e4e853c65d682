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
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one base URL: every request goes, as it came, to the service the {@link RouteTable} names (the built-in token
 * service's URLs, which only the standalone mode has, to the token service), and the answer comes back as it is
 * produced. Nothing waits on a thread ({@link Exchange}), so slow clients and open event streams cost connections and
 * memory, not the container's threads; what one client, and the change streams together, may hold is bounded
 * ({@link GatewayProperties}). Decision 0015 says why it is built so.
 */
public class GatewayServlet extends HttpServlet {

    static final int RETRY_AFTER_SECONDS = 5;

    private final transient Upstreams upstreams;
    private final transient HttpClient client;
    private final transient GatewayProperties settings;
    private final transient ScheduledExecutorService timer;
    private final transient ClientLimit clients;
    private final transient ChangeStreams changeStreams;
    /** Why commands cannot be taken now (a full data directory), or null. */
    private final transient Supplier<String> commandRefusal;

    public GatewayServlet(Upstreams upstreams, HttpClient client, GatewayProperties settings,
            ScheduledExecutorService timer) {
        this(upstreams, client, settings, timer, () -> null);
    }

    public GatewayServlet(Upstreams upstreams, HttpClient client, GatewayProperties settings,
            ScheduledExecutorService timer, Supplier<String> commandRefusal) {
        this.upstreams = upstreams;
        this.client = client;
        this.settings = settings;
        this.timer = timer;
        this.clients = new ClientLimit(settings.perClientRequests());
        this.changeStreams = new ChangeStreams(settings.changeStreams());
        this.commandRefusal = commandRefusal;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.decide(request.getHeader(RequestIds.HEADER));
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String pathAndQuery = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Destination destination;
        URI tokenService = upstreams.tokenServiceFor(path);
        if (tokenService != null) {
            destination = new Destination(List.of(tokenService), "token service", pathAndQuery);
        } else {
            Route route = RouteTable.route(request.getMethod(), path);
            if (route == Route.NOT_ROUTED) {
                ErrorWriter.write(response, ErrorCode.NotFound, "No such resource on this URL", requestId, 0);
                return;
            }
            boolean write = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
            String refusal = route == Route.COMMAND_SIDE && write ? commandRefusal.get() : null;
            if (refusal != null) {
                // Refused before the event store or the broker meet a full disk: a failed write may damage them.
                ErrorWriter.write(response, ErrorCode.ServiceUnavailable, refusal, requestId, RETRY_AFTER_SECONDS);
                return;
            }
            destination = new Destination(upstreams.candidates(route), route.description(), pathAndQuery);
        }
        if (destination.bases().isEmpty()) {
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable,
                    "Cordon is starting or stopping; try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        }
        if (!parses(destination.bases().get(0), pathAndQuery)) {
            ErrorWriter.write(response, ErrorCode.InvalidInput,
                    "The URL could not be parsed; encode it as UTF-8 with valid %XX escapes", requestId, 0);
            return;
        }
        long cap = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > cap) {
            RefusedBody.tooLarge(cap).answer(response, requestId);
            return;
        }
        admit(request, response, destination, requestId, ChangeStreams.isChangeStream(request.getMethod(), path));
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /** Counts the request against its client's limit, and a change stream against theirs, for as long as it lasts. */
    private void admit(HttpServletRequest request, HttpServletResponse response, Destination destination,
            String requestId, boolean stream) throws IOException {
        String address = request.getRemoteAddr();
        if (!clients.tryAcquire(address)) {
            ErrorWriter.write(response, ErrorCode.TooManyRequests, "Too many requests of this client at once (at most "
                    + settings.perClientRequests() + "); try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        }
        if (stream && !changeStreams.tryOpen()) {
            clients.release(address);
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "Too many change streams are open (at most "
                    + settings.changeStreams() + "); try again shortly", requestId, RETRY_AFTER_SECONDS);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        // No container timeout: an event stream lasts as long as its client wants; the body has its own deadline.
        async.setTimeout(0);
        Exchange exchange = new Exchange(async, destination, requestId, upstreams, client);
        AtomicBoolean released = new AtomicBoolean();
        async.addListener(new Released(() -> {
            if (released.compareAndSet(false, true)) {
                clients.release(address);
                if (stream) {
                    changeStreams.close();
                }
            }
        }, exchange));
        exchange.start(settings, timer);
    }

    private static boolean parses(URI base, String pathAndQuery) {
        try {
            URI.create(base + pathAndQuery);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
}
