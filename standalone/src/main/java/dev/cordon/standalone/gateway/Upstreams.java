package dev.cordon.standalone.gateway;

import dev.cordon.service.routing.Route;
import java.net.URI;

/** Where the two services listen; unknown until they are healthy, and again once they are being stopped. */
public class Upstreams {

    private record Addresses(URI commandSide, URI querySide) {
    }

    private volatile Addresses addresses;

    public void set(URI commandSide, URI querySide) {
        addresses = new Addresses(commandSide, querySide);
    }

    public void clear() {
        addresses = null;
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
