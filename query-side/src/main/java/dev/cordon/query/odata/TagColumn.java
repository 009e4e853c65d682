package dev.cordon.query.odata;

import java.util.Arrays;
import java.util.List;

/**
 * How a collection of strings (a device's tags) is kept in one text column: each value between two U+001F (unit
 * separator) characters, none as ''. Values never hold control characters (the command side refuses them), so
 * the separator cannot occur inside one, and "has a value equal to x" is a LIKE that neither database plans
 * differently. One codec for the repository that writes the column and the renderer that filters on it.
 */
public final class TagColumn {

    static final char SEPARATOR = '\u001f';

    private TagColumn() {
    }

    public static String encode(List<String> values) {
        return values.isEmpty() ? "" : SEPARATOR + String.join(String.valueOf(SEPARATOR), values) + SEPARATOR;
    }

    public static List<String> decode(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(column.substring(1, column.length() - 1).split(String.valueOf(SEPARATOR), -1));
    }

    /** LIKE pattern (escape '\') on the lower-cased column: some value equal to {@code value}, ignoring case. */
    static String containing(String value) {
        return "%" + SEPARATOR + SqlFilterRenderer.likeLiteral(value) + SEPARATOR + "%";
    }

    /** LIKE pattern on the lower-cased column: some value that starts with {@code prefix}, ignoring case. */
    static String containingPrefix(String prefix) {
        return "%" + SEPARATOR + SqlFilterRenderer.likeLiteral(prefix) + "%";
    }
}
