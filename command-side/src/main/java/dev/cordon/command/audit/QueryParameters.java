package dev.cordon.command.audit;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * The audit endpoints' query parameters, checked strictly: an unknown or misspelt parameter is rejected, never
 * ignored (an ignored filter would answer for every device or all time, and the auditor would not notice).
 */
final class QueryParameters {

    /** Earliest and latest instants accepted: four-digit years keep stored and requested times comparable. */
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int MAX_ECHO = 64;

    private final Map<String, List<String>> given;

    private QueryParameters(Map<String, List<String>> given) {
        this.given = given;
    }

    static QueryParameters of(MultiValueMap<String, String> given, Set<String> allowed) {
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                throw new RuleViolationException(ErrorCode.InvalidInput, "Unknown query parameter '"
                        + echo(parameter.getKey()) + "'; " + (allowed.isEmpty() ? "this endpoint takes none."
                        : "this endpoint takes " + String.join(", ", new TreeSet<>(allowed))
                        + " (names are case-sensitive)."));
            }
            if (parameter.getValue().size() > 1) {
                throw new RuleViolationException(ErrorCode.InvalidInput,
                        "Query parameter '" + parameter.getKey() + "' is given more than once.");
            }
        }
        return new QueryParameters(given);
    }

    String text(String name) {
        List<String> values = given.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    Instant requiredInstant(String name) {
        Instant instant = instant(name);
        if (instant == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter,
                    "Query parameter '" + name + "' is required: an ISO-8601 instant such as 2026-03-02T09:15:00Z.");
        }
        return instant;
    }

    /** An ISO-8601 date and time with its offset ({@code Z} or {@code +02:00}); local times are ambiguous. */
    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            String hint = value.contains(" ") ? " A '+' in a query string must be sent as %2B." : "";
            throw new RuleViolationException(ErrorCode.InvalidInput, "Query parameter '" + name
                    + "' must be an ISO-8601 instant with its offset, such as 2026-03-02T09:15:00Z or "
                    + "2026-03-02T10:15:00+01:00; was '" + echo(value) + "'." + hint);
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "Query parameter '" + name + "' must be between the years 1 and 9999.");
        }
        return instant;
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }
}
