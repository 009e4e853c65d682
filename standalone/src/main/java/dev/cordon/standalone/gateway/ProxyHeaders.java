package dev.cordon.standalone.gateway;

import dev.cordon.service.request.RequestIds;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 7.6.1), and any the {@code Connection} header
 * names, belong to one connection and stop here. The forwarding headers are the gateway's own statement about
 * the client: a client's {@code Forwarded} or {@code X-Forwarded-Host} would otherwise choose the host the
 * services write into their links.
 */
final class ProxyHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** Set by the HTTP client itself from the request it sends. */
    private static final Set<String> COMPUTED = Set.of("host", "content-length", "expect");
    private static final Set<String> REPLACED = Set.of("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-request-id");

    private ProxyHeaders() {
    }

    /** What the client said about itself and how it reached the gateway. */
    record Client(String remoteAddress, String scheme, String host, String requestId) {
    }

    /**
     * @param names  the request's header names
     * @param values a header's values by name
     * @return name-value pairs for the upstream request, in order
     */
    static List<Map.Entry<String, String>> toUpstream(Enumeration<String> names,
            Function<String, Enumeration<String>> values, Client client) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Set<String> connectionScoped = new HashSet<>();
        String forwardedFor = null;
        List<String> nameList = new ArrayList<>();
        while (names.hasMoreElements()) {
            nameList.add(names.nextElement());
        }
        for (String name : nameList) {
            if (name.equalsIgnoreCase("connection")) {
                connectionScoped.addAll(tokens(values.apply(name)));
            }
        }
        for (String name : nameList) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                forwardedFor = String.join(", ", list(values.apply(name)));
            }
            if (HOP_BY_HOP.contains(lower) || COMPUTED.contains(lower) || REPLACED.contains(lower)
                    || connectionScoped.contains(lower)) {
                continue;
            }
            for (String value : list(values.apply(name))) {
                headers.add(Map.entry(name, value));
            }
        }
        headers.add(Map.entry("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank()
                ? client.remoteAddress() : forwardedFor + ", " + client.remoteAddress()));
        headers.add(Map.entry("X-Forwarded-Proto", client.scheme()));
        if (client.host() != null) {
            headers.add(Map.entry("X-Forwarded-Host", client.host()));
        }
        headers.add(Map.entry(RequestIds.HEADER, client.requestId()));
        return headers;
    }

    /** @return whether a response header of the service is passed to the client */
    static boolean toClient(String name, Set<String> connectionScoped) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !connectionScoped.contains(lower) && !lower.startsWith(":");
    }

    /** The header names a {@code Connection} header lists, lower case. */
    static Set<String> connectionScoped(List<String> connectionValues) {
        Set<String> scoped = new HashSet<>();
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    scoped.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return scoped;
    }

    private static Set<String> tokens(Enumeration<String> values) {
        return connectionScoped(list(values));
    }

    private static List<String> list(Enumeration<String> values) {
        List<String> list = new ArrayList<>();
        while (values != null && values.hasMoreElements()) {
            list.add(values.nextElement());
        }
        return list;
    }
}
