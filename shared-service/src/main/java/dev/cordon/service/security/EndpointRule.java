package dev.cordon.service.security;

import java.util.List;

/**
 * One row of the access matrix: these methods on this path pattern (Spring's path patterns: {@code {id}} one segment,
 * {@code **} any rest) need this access.
 */
public record EndpointRule(List<String> methods, String path, Access access) {

    public EndpointRule {
        methods = List.copyOf(methods);
    }
}
