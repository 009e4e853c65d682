package dev.cordon.service.request;

import dev.cordon.service.ids.RandomUuids;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The one request-id rule of Cordon: a caller's {@code X-Request-ID} is kept when it matches {@link #SAFE}, otherwise
 * the request gets a new UUID. Never repaired: an id with one bad character is not the caller's id with that character
 * removed, and two services that repaired it differently would log one call under two ids. The gateway, both
 * services and nginx's id all follow it, so a forwarded id stays the same id everywhere.
 *
 * <p>A caller's id is the caller's to choose, so two calls may name the same one. Each request therefore also gets an
 * id of the server's own, never chosen by a caller: it is the {@code requestId} of the events the call caused, and the
 * caller's id, when it sent one, is kept beside it as {@code callerRequestId}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    /** Safe in a header, a log line and JSON: no spaces, quotes, markup or line breaks. */
    public static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final String ATTRIBUTE = RequestIds.class.getName();
    static final String SERVER_ATTRIBUTE = RequestIds.class.getName() + ".server";

    private RequestIds() {
    }

    /** @return {@code given} when it is a safe id, else a new one */
    public static String decide(String given) {
        return safe(given) ? given : RandomUuids.nextString();
    }

    /**
     * The id {@link RequestIdFilter} gave this request; for a request the filter did not see (the container's own
     * error dispatch before it), the rule applied to the header, which gives the same answer for a safe id.
     */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : decide(request.getHeader(HEADER));
    }

    /** The server's own id of this request, unique whatever the caller sent: the events' {@code requestId}. */
    public static String serverId(HttpServletRequest request) {
        if (request.getAttribute(SERVER_ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = RandomUuids.nextString();
        request.setAttribute(SERVER_ATTRIBUTE, id);
        return id;
    }

    /** @return the caller's own {@code X-Request-ID} when it was kept (a safe one), else null */
    public static String callerId(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return safe(given) ? given : null;
    }

    private static boolean safe(String given) {
        return given != null && SAFE.matcher(given).matches();
    }
}
