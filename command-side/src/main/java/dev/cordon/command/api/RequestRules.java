package dev.cordon.command.api;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.error.ErrorCode;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Checks on request input shared by the endpoints; each failure names the field and what it must be. */
public final class RequestRules {

    public static final int MAX_COMMENT = 4000;
    public static final int MAX_TAG = 200;
    private static final Pattern MACHINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestRules() {
    }

    public static String machineId(String id) {
        if (id == null || !MACHINE_ID.matcher(id).matches()) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "Machine id must be 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        return id;
    }

    public static String actionId(String id) {
        if (id == null || !GUID.matcher(id).matches()) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "Action id must be a GUID.");
        }
        return id.toLowerCase();
    }

    public static String comment(String comment) {
        if (comment == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter,
                    "Comment is required (property names are case-sensitive: 'Comment').");
        }
        if (comment.isBlank()) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "Comment must not be empty.");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "Comment must be at most " + MAX_COMMENT + " characters, was " + comment.length() + ".");
        }
        return withoutControlCharacters("Comment", comment, true);
    }

    /**
     * A tag as Defender's portal takes one, held to the rules of names: it is shown as a label and matched exactly,
     * so spaces around it (which no one sees) and invisible controls are refused rather than kept.
     */
    public static String tag(String value) {
        if (value == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter,
                    "Value is required: the tag (property names are case-sensitive: 'Value').");
        }
        if (value.isBlank() || value.length() > MAX_TAG) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "Value (the tag) must be 1 to " + MAX_TAG + " characters, was " + value.length() + ".");
        }
        if (!value.equals(value.strip())) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "Value (the tag) must not begin or end with spaces.");
        }
        return withoutControlCharacters("Value", value, false);
    }

    public static String optional(String field, String value, int maxLength) {
        if (value != null && (value.isBlank() || value.length() > maxLength)) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    field + " must be 1 to " + maxLength + " characters when given.");
        }
        return value == null ? null : withoutControlCharacters(field, value, false);
    }

    /**
     * Events are kept forever and copied into databases, logs and SIEMs: a NUL or an escape sequence in them
     * breaks some of those and can forge lines in others. Line breaks and tabs are fine in a comment only. A lone
     * surrogate is no character at all (PostgreSQL's read side would show it as '?', the event store keep it), and
     * bidirectional controls make a name read differently from what it is ("exe.txt" shown for "txt.exe"): refused
     * in names and ids; a comment, free text in any script, keeps the marks (LRM, RLM, ALM) but not the overrides,
     * embeddings and isolates.
     */
    private static String withoutControlCharacters(String field, String value, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = freeText && (c == '\n' || c == '\r' || c == '\t');
            if ((Character.isISOControl(c) && !allowed) || c == '\u2028' || c == '\u2029') {
                throw new RuleViolationException(ErrorCode.InvalidInput,
                        field + " must not contain control characters (found U+" + String.format("%04X", (int) c)
                                + " at position " + i + ").");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new RuleViolationException(ErrorCode.InvalidInput, field + " must be valid Unicode (a lone"
                        + " surrogate U+" + String.format("%04X", (int) c) + " at position " + i + ").");
            }
            if (isBidiOverride(c) || (!freeText && isBidiMark(c))) {
                throw new RuleViolationException(ErrorCode.InvalidInput, field + " must not contain bidirectional"
                        + " text controls (found U+" + String.format("%04X", (int) c) + " at position " + i
                        + "): they make text read otherwise than it is.");
            }
        }
        return value;
    }

    /** Embeddings, overrides and isolates: U+202A to U+202E, U+2066 to U+2069. */
    private static boolean isBidiOverride(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The marks: LRM, RLM, ALM. */
    private static boolean isBidiMark(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    static final String UNMANAGED_DEVICE = "UnManagedDevice";

    /**
     * Full when absent. Defender also documents {@code UnManagedDevice} (containing a device without its agent, by
     * the other devices refusing it): Cordon isolates through the device's own agent, so that is refused with a
     * sentence saying so, not as a misspelt value.
     */
    public static IsolationType isolationType(String value) {
        if (value == null) {
            return IsolationType.Full;
        }
        if (value.equals(UNMANAGED_DEVICE)) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "IsolationType " + UNMANAGED_DEVICE
                    + " (containing an unmanaged device) is not supported: Cordon isolates a device through its own"
                    + " agent. Supported isolation types: " + Arrays.toString(IsolationType.values()) + ".");
        }
        return enumValue("IsolationType", value, IsolationType.class);
    }

    /**
     * Defender's values only, case-sensitive like osPlatform; absent (or null) is Defender's no-data value
     * {@code None}: an inventory that assesses no risk registers devices as Defender shows them then.
     */
    public static <E extends Enum<E>> E optionalEnumValue(String field, String value, E absent) {
        return value == null ? absent : enumValue(field, value, absent.getDeclaringClass());
    }

    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new RuleViolationException(ErrorCode.InvalidInput, field + " must be one of "
                + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'.");
    }
}
