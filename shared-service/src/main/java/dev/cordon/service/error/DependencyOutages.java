package dev.cordon.service.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a dependency that is away (the database, the broker) from a bug: the first answers 503 with Retry-After,
 * because the same request may well succeed once the dependency is back. Decided by the whole cause chain, since
 * Spring and Axon wrap what the driver threw (an Axon EventStoreException around Hikari's
 * SQLTransientConnectionException, a CannotCreateTransactionException around a refused connection). Spring and
 * Kafka types are matched by name: both are optional dependencies of this module.
 */
final class DependencyOutages {

    /** Spring's and Kafka's exceptions that mean "away, try again", with their subclasses. */
    private static final Set<String> OUTAGE_TYPES = Set.of(
            // incl. CannotGetJdbcConnectionException
            "org.springframework.dao.DataAccessResourceFailureException",
            // incl. QueryTimeoutException and the lock failures of a deadlock or serialization conflict
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            // incl. Kafka's TimeoutException and NetworkException
            "org.apache.kafka.common.errors.RetriableException");

    /**
     * SQLState classes of a database that is unreachable or going away, as Spring's SQLStateSQLExceptionTranslator
     * reads them (without its program limits, which no retry cures): connection exception, insufficient resources,
     * operator intervention (PostgreSQL's shutdown, 57P01), system error.
     */
    private static final Set<String> OUTAGE_SQL_STATE_CLASSES = Set.of("08", "53", "57", "58");

    private DependencyOutages() {
    }

    /** @return the cause in {@code failure}'s chain that says a dependency is away, if one does */
    static Optional<Throwable> causeOf(Throwable failure) {
        return Causes.first(failure, DependencyOutages::isOutage);
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                && OUTAGE_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
            return true;
        }
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (OUTAGE_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
