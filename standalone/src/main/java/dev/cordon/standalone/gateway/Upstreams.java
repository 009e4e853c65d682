package dev.cordon.standalone.gateway;

import dev.cordon.service.routing.Route;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the services (and the token service) listen; unknown until they are healthy, and again once they are being
 * stopped. A side may have several replicas (the cluster mode): requests take turns among them, and a replica that
 * refused a connection is passed over for a short while, so that a dead one costs each client one retry at most,
 * not one failure in N.
 */
public class Upstreams {

    /** Long enough to spare clients the dead replica's refusals, short enough to find a restarted one at once. */
    static final Duration PASSED_OVER_FOR = Duration.ofSeconds(5);

    private record Replicas(List<URI> commandSides, List<URI> querySides) {
    }

    private final Clock clock;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<URI, Instant> unreachableUntil = new ConcurrentHashMap<>();
    private volatile Replicas replicas;
    private volatile URI tokenService;
    private volatile Set<String> tokenServicePaths = Set.of();

    public Upstreams() {
        this(Clock.systemUTC());
    }

    Upstreams(Clock clock) {
        this.clock = clock;
    }

    public void set(URI commandSide, URI querySide) {
        set(List.of(commandSide), List.of(querySide));
    }

    /** Every replica of each side; neither list may be empty. */
    public void set(List<URI> commandSides, List<URI> querySides) {
        if (commandSides.isEmpty() || querySides.isEmpty()) {
            throw new IllegalArgumentException("Each side needs at least one replica");
        }
        replicas = new Replicas(List.copyOf(commandSides), List.copyOf(querySides));
        unreachableUntil.clear();
    }

    public void clear() {
        replicas = null;
        tokenService = null;
    }

    /**
     * The built-in token service, once it is ready: its tenant's token, discovery and key URLs go there, and a
     * person's sign-in (the authorize endpoint, the sign-in page, logout).
     */
    public void setTokenService(URI address, String tenant) {
        tokenServicePaths = Set.of("/" + tenant + "/oauth2/token", "/" + tenant + "/oauth2/v2.0/token",
                "/" + tenant + "/v2.0/.well-known/openid-configuration", "/" + tenant + "/discovery/v2.0/keys",
                "/" + tenant + "/discovery/instance", "/common/discovery/instance",
                "/" + tenant + "/oauth2/v2.0/authorize", "/" + tenant + "/login", "/" + tenant + "/oauth2/v2.0/logout");
        tokenService = address;
    }

    /** @return the token service's base URI if it serves this path, else null */
    public URI tokenServiceFor(String path) {
        URI address = tokenService;
        return address != null && tokenServicePaths.contains(path) ? address : null;
    }

    /** @return the first replica to try for the route, or {@code null} while Cordon is not (or no longer) up */
    public URI of(Route route) {
        List<URI> order = candidates(route);
        return order.isEmpty() ? null : order.get(0);
    }

    /**
     * The routed side's replicas in the order to try them: starting at this request's turn, those that refused a
     * connection lately last (all of them, if all did: one may be back). Empty while Cordon is not up.
     */
    public List<URI> candidates(Route route) {
        Replicas current = replicas;
        if (current == null) {
            return List.of();
        }
        List<URI> side = switch (route) {
            case COMMAND_SIDE -> current.commandSides();
            case QUERY_SIDE -> current.querySides();
            case NOT_ROUTED -> List.of();
        };
        if (side.size() <= 1) {
            return side;
        }
        int start = Math.floorMod(turn.getAndIncrement(), side.size());
        Instant now = clock.instant();
        List<URI> reachable = new ArrayList<>(side.size());
        List<URI> passedOver = new ArrayList<>();
        for (int i = 0; i < side.size(); i++) {
            URI replica = side.get((start + i) % side.size());
            Instant until = unreachableUntil.get(replica);
            (until != null && now.isBefore(until) ? passedOver : reachable).add(replica);
        }
        reachable.addAll(passedOver);
        return reachable;
    }

    /** A replica refused a connection (nothing was sent to it): passed over for a while. */
    public void unreachable(URI replica) {
        unreachableUntil.put(replica, clock.instant().plus(PASSED_OVER_FOR));
    }
}
