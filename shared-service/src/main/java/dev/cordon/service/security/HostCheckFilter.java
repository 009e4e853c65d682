package dev.cordon.service.security;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only requests addressed to one of Cordon's own host names. A web page on an attacker's domain whose name
 * is made to resolve to 127.0.0.1 (DNS rebinding) reaches a loopback port with its own name in {@code Host}; such a
 * request is refused before anything reads or changes a device. Loopback names and the public base URL's host are
 * always allowed, others by {@code cordon.security.allowed-hosts}.
 */
public class HostCheckFilter extends OncePerRequestFilter {

    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    public HostCheckFilter(Collection<String> allowedHosts) {
        allowed.addAll(LOOPBACK);
        allowedHosts.forEach(host -> allowed.add(host.trim()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // No Host at all (HTTP/1.0) is not a browser's request, which always names the host it resolved. The name
        // checked is the one the client used: behind the standalone gateway, which names it in X-Forwarded-Host (and
        // drops any the client sent), Spring's forwarded-header support makes it the server name.
        if (request.getHeader("Host") != null && !allowed.contains(hostName(request.getServerName()))) {
            ErrorWriter.write(request, response, ErrorCode.BadRequest, "This server does not serve the host named in"
                    + " the request; use Cordon's base URL (cordon.public-base-url, cordon.security.allowed-hosts).");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The host of a Host header: without the port, IPv6 literals keeping their brackets. */
    static String hostName(String header) {
        String value = header.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.lastIndexOf(':');
        // A bare IPv6 literal (a server name has no port) has more than one colon.
        return colon < 0 || value.indexOf(':') != colon ? value : value.substring(0, colon);
    }
}
