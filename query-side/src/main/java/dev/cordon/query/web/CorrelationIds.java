package dev.cordon.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/** The request correlation id: the caller's {@code X-Request-ID} if usable, else a new UUID. */
public final class CorrelationIds {

    public static final String HEADER = "X-Request-ID";
    static final String ATTRIBUTE = CorrelationIds.class.getName();
    static final int MAX_LENGTH = 100;

    private CorrelationIds() {
    }

    /** Keeps only characters that are safe in logs and headers, so a caller cannot forge log lines. */
    static String sanitise(String header) {
        if (header == null) {
            return newId();
        }
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < header.length() && clean.length() < MAX_LENGTH; i++) {
            char c = header.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':') {
                clean.append(c);
            }
        }
        return clean.isEmpty() ? newId() : clean.toString();
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : sanitise(request.getHeader(HEADER));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
