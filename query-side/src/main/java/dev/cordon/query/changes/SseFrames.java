package dev.cordon.query.changes;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * The stream's wire text, written as is (not through SseEmitter, whose fields have no space after the colon), so
 * that it reads exactly as docs/api.md shows it. Each frame ends with the blank line that dispatches an event.
 */
final class SseFrames {

    static final MediaType STREAM = MediaType.TEXT_EVENT_STREAM;
    /** Each frame is written as text; the stream's own content type is set on the response. */
    static final MediaType FRAME = new MediaType("text", "plain", StandardCharsets.UTF_8);

    /** The client reconnects after 3 s; then it gets {@code ready} again and refetches what it shows. */
    static final String READY = "retry: 3000\nevent: ready\ndata: {}\n\n";
    static final String RESET = "event: reset\ndata: {}\n\n";
    static final String KEEPALIVE = ": keepalive\n\n";

    private SseFrames() {
    }

    /** @param json a {@link Change} as JSON: one line, so one data field */
    static String change(String json) {
        return "event: change\ndata: " + json + "\n\n";
    }
}
