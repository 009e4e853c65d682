package dev.cordon.query.odata;

/**
 * One {@code $orderby} value an entity set accepts (e.g. {@code creationDateTimeUtc desc}) and the ORDER BY it
 * renders to. As with filter columns, the SQL comes from here, never from the request; it ends on a unique column
 * so that {@code $skip} pages are stable.
 */
public record OrderBy(String option, String sql) {
}
