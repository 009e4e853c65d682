package dev.cordon.query.action;

import java.util.Locale;
import java.util.regex.Pattern;

/** Action ids are GUIDs, which are case-insensitive: the command side stores them lowercased, so lookups do too. */
public final class ActionIds {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ActionIds() {
    }

    /** A GUID-shaped id lowercased; anything else as given (it cannot match a stored GUID either way). */
    public static String normalise(String id) {
        return id != null && GUID.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : id;
    }
}
