package dev.cordon.service.security;

import java.util.List;

/**
 * Who may call an endpoint: anyone (a page, a document, liveness), a token with one of some permissions, or a device
 * agent's token.
 */
public sealed interface Access {

    record Public() implements Access {
    }

    record AnyOf(List<Permission> permissions) implements Access {
    }

    record Agent() implements Access {
    }

    static Access open() {
        return new Public();
    }

    static Access anyOf(Permission... permissions) {
        return new AnyOf(List.of(permissions));
    }

    static Access agent() {
        return new Agent();
    }
}
