package dev.cordon.query.odata;

/** The checked {@code $filter}, {@code $top} and {@code $skip} of one list request. */
public record ODataQuery(SqlFilter filter, int top, int skip) {

    public static final int MAX_TOP = 10_000;

    public static ODataQuery parse(String filter, String top, String skip, FilterSchema schema) {
        SqlFilter sqlFilter = filter == null || filter.isBlank()
                ? SqlFilter.NONE
                : SqlFilterRenderer.render(ODataParser.parse(filter, schema));
        return new ODataQuery(sqlFilter, number("$top", top, MAX_TOP, MAX_TOP), number("$skip", skip, 0, Integer.MAX_VALUE));
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
