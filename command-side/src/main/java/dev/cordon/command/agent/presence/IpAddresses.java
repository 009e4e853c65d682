package dev.cordon.command.agent.presence;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IP address as the agent reports it: a literal only (never a name, which would be looked up), normalised. */
public final class IpAddresses {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {
    }

    /** Null for null; otherwise the address in its usual form, or 400 InvalidInput. */
    public static String literal(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        boolean v4 = IPV4.matcher(value).matches();
        if (!v4 && !(value.contains(":") && IPV6.matcher(value).matches())) {
            throw invalid(field, value);
        }
        try {
            // A dotted quad, or (in brackets, which the JDK takes as an IPv6 literal or nothing) hex, dots and
            // colons: parsed, never looked up.
            return InetAddress.getByName(v4 ? value : "[" + value + "]").getHostAddress();
        } catch (UnknownHostException e) {
            throw invalid(field, value);
        }
    }

    private static RuleViolationException invalid(String field, String value) {
        return new RuleViolationException(ErrorCode.InvalidInput, field + " must be an IPv4 or IPv6 address"
                + (value.length() <= 45 ? ", was '" + value.replaceAll("[^\\x20-\\x7e]", "?") + "'." : "."));
    }
}
