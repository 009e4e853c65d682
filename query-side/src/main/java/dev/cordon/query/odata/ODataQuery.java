package dev.cordon.query.odata;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The checked query options of one list request. */
public record ODataQuery(SqlFilter filter, int top, int skip, OrderBy orderBy) {

    public static final int MAX_TOP = 10_000;
    /**
     * The system query options this API knows. Their names are case-sensitive, as in OData 4.0: a misspelt or
     * differently cased {@code $filter} must fail rather than be ignored, which would list everything.
     * {@code $select} and {@code $count} would change nothing that matters here: accepted and ignored.
     */
    static final List<String> OPTIONS = List.of("$filter", "$top", "$skip", "$orderby", "$select", "$count");

    /**
     * @param parameters the request's query parameters
     * @param orderings  the {@code $orderby} values the entity set accepts, its default first
     */
    public static ODataQuery parse(Map<String, List<String>> parameters, FilterSchema schema,
                                   List<OrderBy> orderings) {
        parameters.forEach((name, values) -> {
            if (name.startsWith("$") && !OPTIONS.contains(name)) {
                throw new ODataException("Unsupported query option '" + abbreviate(name) + "'; supported options are "
                        + String.join(", ", OPTIONS) + " (names are case-sensitive)");
            }
            if (!name.startsWith("$") && OPTIONS.contains("$" + name.toLowerCase(Locale.ROOT))) {
                // "filter=..." reads like a filter to a person and would otherwise list everything.
                throw new ODataException("Query option '" + name + "' needs its '$': use '$"
                        + name.toLowerCase(Locale.ROOT) + "' (names are case-sensitive)");
            }
            if (OPTIONS.contains(name) && values.size() > 1) {
                throw new ODataException("Query option '" + name + "' is given more than once");
            }
        });
        String filter = single(parameters, "$filter");
        SqlFilter sqlFilter = filter == null || filter.isBlank()
                ? SqlFilter.NONE
                : SqlFilterRenderer.render(ODataParser.parse(filter, schema));
        return new ODataQuery(sqlFilter, number("$top", single(parameters, "$top"), MAX_TOP, MAX_TOP),
                number("$skip", single(parameters, "$skip"), 0, Integer.MAX_VALUE),
                orderBy(single(parameters, "$orderby"), orderings));
    }

    private static String single(Map<String, List<String>> parameters, String option) {
        List<String> values = parameters.get(option);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Exactly one accepted property and direction; the direction, a keyword, in any case like the filter's. */
    private static OrderBy orderBy(String text, List<OrderBy> orderings) {
        if (text == null) {
            return orderings.get(0);
        }
        String[] words = text.trim().split("\\s+");
        String option = words.length == 2 ? words[0] + " " + words[1].toLowerCase(Locale.ROOT) : text;
        return orderings.stream().filter(ordering -> ordering.option().equals(option)).findFirst()
                .orElseThrow(() -> new ODataException("Invalid $orderby: '" + abbreviate(text)
                        + "' is not supported; use one of: "
                        + orderings.stream().map(OrderBy::option).collect(Collectors.joining(", "))));
    }

    private static int number(String option, String text, int defaultValue, int max) {
        if (text == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ODataException("Invalid " + option + ": '" + abbreviate(text) + "' is not a whole number");
        }
        if (value < 0 || value > max) {
            throw new ODataException("Invalid " + option + ": must be between 0 and " + max);
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
