package dev.cordon.query.rebuild;

import dev.cordon.query.jdbc.ReadModelTables;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database-specific part of a rebuild, kept to this one place: making the shadow tables from the live ones,
 * swapping them in, and ordering keys the way Java compares them.
 */
interface ShadowTables {

    /** Drops leftovers of an earlier rebuild, then creates each shadow table empty, defined as its live table. */
    void create(ReadModelTables live, ReadModelTables shadow);

    /**
     * In one transaction: the live tables are dropped and the shadow tables take their names (and their indexes'
     * and constraints' names). A reader sees either the old tables or the new ones, never neither.
     */
    void swap(ReadModelTables live, ReadModelTables shadow);

    void drop(ReadModelTables tables);

    /** An ORDER BY term for a text key column in code point order, the order {@link String}s compare in here. */
    String textKeyOrder(String column);

    static ShadowTables of(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new RebuildException("The query database could not be reached: " + e.getMessage(), e);
        }
        if ("PostgreSQL".equals(product)) {
            return new PostgresShadowTables(jdbc, transactions);
        }
        throw new RebuildException("Rebuilding read models needs PostgreSQL as the query database, not " + product
                + ": it copies table definitions with CREATE TABLE ... (LIKE ... INCLUDING ALL) and swaps tables"
                + " with transactional DDL");
    }
}
