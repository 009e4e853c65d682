package dev.cordon.system.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a documented JSON response with an actual one. Same field names (no more, no fewer) and the same
 * JSON types everywhere, arrays of the same length; and the same values, except where they naturally vary:
 * <ul>
 *   <li>{@code "{name}"}: an id the service made up. Its first appearance is remembered, later ones (also in
 *       requests, and inside longer texts) must be that value;</li>
 *   <li>a timestamp (ISO-8601 instant) stands for any timestamp;</li>
 *   <li>a GUID that is not a placeholder stands for any GUID;</li>
 *   <li>an absolute URL is compared from its path on (the host and port are the caller's).</li>
 * </ul>
 * Everything else, enum values included, must be equal.
 */
public final class ResponseMatcher {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern WHOLE_PLACEHOLDER = Pattern.compile("^\\{([A-Za-z][A-Za-z0-9]*)}$");
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Map<String, String> bound = new LinkedHashMap<>();

    /** A value the examples use but no response defines, such as the caller's token. */
    public void bind(String name, String value) {
        bound.put(name, value);
    }

    public Map<String, String> bound() {
        return Map.copyOf(bound);
    }

    /** The text with every placeholder replaced by its value; a placeholder not seen in a response yet is an error. */
    public String substitute(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = bound.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("{" + m.group(1) + "} is used before a response defined it: " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * @return the differences, empty if the actual response matches; bindings are kept only when it matches, so
     * a response that is retried (an eventually consistent read) binds nothing until it is right
     */
    public List<String> compare(JsonNode expected, JsonNode actual) {
        Map<String, String> tentative = new LinkedHashMap<>(bound);
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, tentative, differences);
        if (differences.isEmpty()) {
            bound.putAll(tentative);
        }
        return differences;
    }

    /** A single documented text value (a header) against the actual one, by the same rules. */
    public List<String> compareText(String where, String expected, String actual) {
        Map<String, String> tentative = new LinkedHashMap<>(bound);
        List<String> differences = new ArrayList<>();
        compareText(where, expected, actual, tentative, differences);
        if (differences.isEmpty()) {
            bound.putAll(tentative);
        }
        return differences;
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, Map<String, String> bindings,
                                List<String> differences) {
        if (actual == null || actual.getNodeType() != expected.getNodeType()) {
            differences.add(at + ": expected " + expected.getNodeType() + " " + expected + ", was "
                    + (actual == null ? "missing" : actual.getNodeType() + " " + actual));
            return;
        }
        switch (expected.getNodeType()) {
            case OBJECT -> {
                Set<String> expectedNames = names(expected);
                Set<String> actualNames = names(actual);
                if (!expectedNames.equals(actualNames)) {
                    Set<String> missing = new TreeSet<>(expectedNames);
                    missing.removeAll(actualNames);
                    Set<String> extra = new TreeSet<>(actualNames);
                    extra.removeAll(expectedNames);
                    differences.add(at + ": fields differ; documented but missing " + missing
                            + ", present but undocumented " + extra);
                }
                for (String name : expectedNames) {
                    if (actual.has(name)) {
                        compare(at + "." + name, expected.get(name), actual.get(name), bindings, differences);
                    }
                }
            }
            case ARRAY -> {
                if (expected.size() != actual.size()) {
                    differences.add(at + ": expected " + expected.size() + " elements, was " + actual.size());
                    return;
                }
                for (int i = 0; i < expected.size(); i++) {
                    compare(at + "[" + i + "]", expected.get(i), actual.get(i), bindings, differences);
                }
            }
            case STRING -> compareText(at, expected.asText(), actual.asText(), bindings, differences);
            default -> {
                if (!expected.equals(actual)) {
                    differences.add(at + ": expected " + expected + ", was " + actual);
                }
            }
        }
    }

    private static void compareText(String at, String expected, String actual, Map<String, String> bindings,
                                    List<String> differences) {
        Matcher whole = WHOLE_PLACEHOLDER.matcher(expected);
        if (whole.matches()) {
            String value = bindings.get(whole.group(1));
            if (value == null) {
                bindings.put(whole.group(1), actual);
            } else if (!value.equals(actual)) {
                differences.add(at + ": expected {" + whole.group(1) + "} = " + value + ", was " + actual);
            }
            return;
        }
        String substituted = expected;
        Matcher m = PLACEHOLDER.matcher(expected);
        while (m.find()) {
            String value = bindings.get(m.group(1));
            if (value == null) {
                differences.add(at + ": {" + m.group(1) + "} inside a text before a response defined it");
                return;
            }
            substituted = substituted.replace(m.group(), value);
        }
        if (isInstant(substituted)) {
            if (!isInstant(actual)) {
                differences.add(at + ": expected a timestamp, was " + actual);
            }
        } else if (GUID.matcher(substituted).matches()) {
            if (!GUID.matcher(actual).matches()) {
                differences.add(at + ": expected a GUID, was " + actual);
            }
        } else if (substituted.startsWith("http://") || substituted.startsWith("https://")) {
            if (!fromPath(substituted).equals(fromPath(actual))) {
                differences.add(at + ": expected a URL ending " + fromPath(substituted) + ", was " + actual);
            }
        } else if (!substituted.equals(actual)) {
            differences.add(at + ": expected \"" + substituted + "\", was \"" + actual + "\"");
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** {@code http://host:port/api/$metadata#X} to {@code /api/$metadata#X}. */
    private static String fromPath(String url) {
        int authority = url.indexOf("://");
        int path = authority < 0 ? -1 : url.indexOf('/', authority + 3);
        return path < 0 ? "/" : url.substring(path);
    }
}
