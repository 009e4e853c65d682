package dev.cordon.standalone.gateway;

import dev.cordon.service.routing.Route;
import java.net.URI;
import java.util.Set;

/**
 * Where the two services (and the token service) listen; unknown until they are healthy, and again once they are being
 * stopped.
 */
public class Upstreams {

    private record Addresses(URI commandSide, URI querySide) {
    }

    private volatile Addresses addresses;
    private volatile URI tokenService;
    private volatile Set<String> tokenServicePaths = Set.of();

    public void set(URI commandSide, URI querySide) {
        addresses = new Addresses(commandSide, querySide);
    }

    public void clear() {
        addresses = null;
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

    /** @return the base URI of the routed service, or {@code null} while Cordon is not (or no longer) up */
    public URI of(Route route) {
        Addresses current = addresses;
        if (current == null) {
            return null;
        }
        return switch (route) {
            case COMMAND_SIDE -> current.commandSide();
            case QUERY_SIDE -> current.querySide();
            case NOT_ROUTED -> null;
        };
    }
}
