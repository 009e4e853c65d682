package dev.cordon.standalone.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id, as the services treat it: the caller's {@code X-Request-ID} when it is sane, a new one
 * otherwise. The gateway decides it once and sends it on, so its own errors and the service's log agree.
 */
final class RequestIds {

    static final String HEADER = "X-Request-ID";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    static String of(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
