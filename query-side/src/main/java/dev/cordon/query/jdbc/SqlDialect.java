package dev.cordon.query.jdbc;

import java.util.Locale;

/**
 * The databases the read models run on, told apart by the JDBC URL: PostgreSQL in production, H2 (in PostgreSQL
 * compatibility mode) in standalone mode. Most SQL here is the same on both; where it cannot be (an upsert), a
 * repository asks which one it has.
 */
public enum SqlDialect {
    POSTGRESQL,
    H2;

    /** @throws IllegalArgumentException for any other database: better no start than a half-working one */
    public static SqlDialect fromJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("Unsupported database URL '" + abbreviate(jdbcUrl)
                + "': Cordon runs on PostgreSQL (jdbc:postgresql:) or, standalone, on H2 (jdbc:h2:)");
    }

    private static String abbreviate(String url) {
        if (url == null) {
            return "";
        }
        // Only the scheme: the rest may hold a password.
        int colon = url.indexOf(':', "jdbc:".length());
        return colon < 0 ? url : url.substring(0, colon + 1) + "...";
    }
}
