package dev.cordon.command.idempotency;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft): 1 to 255 printable ASCII characters, taken as
 * sent (a draft-style quoted value keeps its quotes, so a client that retries byte for byte always matches). Sent
 * twice, it is refused rather than one of them picked.
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    /** On an answer that repeats the first one's action instead of acting again. */
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String REPLAYED_DESCRIPTION = "true when the answer is the action of an earlier request with"
            + " the same Idempotency-Key, as it is now; absent when this request acted";
    public static final int MAX_LENGTH = 255;
    public static final String DESCRIPTION = "Makes a retry safe: a request with the same key (1 to 255 printable ASCII"
            + " characters, per caller, for 24 hours by default) is answered with the first request's action and"
            + " Idempotent-Replayed: true, without acting again; the same key with another request is refused"
            + " (InvalidInput). Not X-Request-ID, which only names a call, nor ExternalID, which is stored on the"
            + " action.";

    private IdempotencyKeyHeader() {
    }

    public static Optional<String> of(HttpServletRequest http) {
        return parse(Collections.list(http.getHeaders(NAME)));
    }

    /** @param values every {@code Idempotency-Key} header of the request, in order */
    public static Optional<String> parse(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalid("must be sent once, was sent " + values.size() + " times");
        }
        String key = values.get(0);
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw invalid("must be 1 to " + MAX_LENGTH + " characters, was " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw invalid("must be printable ASCII (found U+" + String.format("%04X", (int) c) + " at position "
                        + i + ")");
            }
        }
        if (key.isBlank()) {
            throw invalid("must not be blank");
        }
        return Optional.of(key);
    }

    private static RuleViolationException invalid(String why) {
        return new RuleViolationException(ErrorCode.InvalidInput, NAME + " " + why + ".");
    }
}
