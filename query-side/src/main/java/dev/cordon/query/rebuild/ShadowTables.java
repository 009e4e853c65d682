package dev.cordon.query.rebuild;

import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.jdbc.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database-specific part of a rebuild, kept to this one place: making the shadow tables from the live ones,
 * switching to them, and ordering keys the way Java compares them.
 */
interface ShadowTables {

    /** Drops leftovers of an earlier rebuild, then creates each shadow table empty, defined as its live table. */
    void create(ReadModelTables live, ReadModelTables shadow);

    /**
     * Makes the shadow tables' content the live read models, atomically: a reader sees either the old read models
     * or the new ones, never neither and never a mix; the live names, and those of their indexes and constraints,
     * stay as they were. Afterwards the shadow tables are gone.
     */
    void swap(ReadModelTables live, ReadModelTables shadow);

    void drop(ReadModelTables tables);

    /** An ORDER BY term for a text key column in code point order, the order {@link String}s compare in here. */
    String textKeyOrder(String column);

    static ShadowTables of(SqlDialect dialect, JdbcTemplate jdbc, TransactionTemplate transactions) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresShadowTables(jdbc, transactions);
            case H2 -> new H2ShadowTables(jdbc, transactions);
        };
    }
}
