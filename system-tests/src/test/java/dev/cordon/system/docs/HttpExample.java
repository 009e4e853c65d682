package dev.cordon.system.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One documented call: a fenced {@code http} request block followed by a fenced {@code http} response block.
 *
 * <pre>
 * ```http
 * POST /api/machines/{id}/isolate          (method and target; the query string may be written unencoded)
 * Content-Type: application/json           (headers, optional)
 *
 * {"Comment": "..."}                       (body, optional)
 * ```
 *
 * ```http
 * HTTP/1.1 201 Created                     (status)
 * Location: /api/machineactions/{actionId} (headers the response must have, optional)
 *
 * {...}                                    (the JSON body, optional)
 * ```
 * </pre>
 * An answer with {@code Content-Type: application/x-ndjson} has one JSON document per line instead; one with
 * {@code Content-Type: text/event-stream} shows the first lines of a stream that stays open.
 */
public record HttpExample(int line, Request request, Response response) {

    public record Request(String method, String target, Map<String, String> headers, String body) {

        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {

        /** Shown as NDJSON ({@code Content-Type: application/x-ndjson}): compared line by line. */
        public boolean ndjson() {
            return headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type")
                    && h.getValue().startsWith(NdJson.MEDIA_TYPE));
        }

        /** A server-sent event stream: its first lines are shown, compared as text; it never ends by itself. */
        public boolean eventStream() {
            return headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type")
                    && h.getValue().startsWith(EVENT_STREAM));
        }
    }

    public static final String EVENT_STREAM = "text/event-stream";

    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/\\S.*)$");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})( .*)?$");

    /** Every example of a markdown page, in order; a request without its response, or the reverse, is an error. */
    public static List<HttpExample> parse(String markdown) {
        List<HttpExample> examples = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        Request pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```http")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException("line " + (start) + ": unterminated ```http block");
            }
            List<String> block = lines.subList(start, end);
            Matcher status = STATUS_LINE.matcher(block.get(0));
            if (status.matches()) {
                if (pending == null) {
                    throw new IllegalArgumentException("line " + start + ": a response without a request before it");
                }
                examples.add(new HttpExample(pendingLine, pending,
                        new Response(Integer.parseInt(status.group(1)), headers(block), body(block))));
                pending = null;
            } else {
                Matcher request = REQUEST_LINE.matcher(block.get(0));
                if (!request.matches()) {
                    throw new IllegalArgumentException("line " + start + ": neither a request line (METHOD /path) nor "
                            + "a status line (HTTP/1.1 200 OK): " + block.get(0));
                }
                if (pending != null) {
                    throw new IllegalArgumentException("line " + pendingLine + ": a request without its response");
                }
                pending = new Request(request.group(1), request.group(2).strip(), headers(block), body(block));
                pendingLine = start;
            }
            i = end;
        }
        if (pending != null) {
            throw new IllegalArgumentException("line " + pendingLine + ": a request without its response");
        }
        return examples;
    }

    private static Map<String, String> headers(List<String> block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.subList(1, block.size())) {
            if (line.isBlank()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("not a header: " + line);
            }
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static String body(List<String> block) {
        int blank = block.indexOf("");
        if (blank < 0) {
            return null;
        }
        String body = String.join("\n", block.subList(blank + 1, block.size())).strip();
        return body.isEmpty() ? null : body;
    }
}
