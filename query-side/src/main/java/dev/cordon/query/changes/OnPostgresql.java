package dev.cordon.query.changes;

import dev.cordon.query.jdbc.SqlDialect;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The read models are on PostgreSQL (by spring.datasource.url, as SqlDialect decides): changes travel by NOTIFY. */
final class OnPostgresql implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return SqlDialect.fromJdbcUrl(context.getEnvironment().getProperty("spring.datasource.url"))
                == SqlDialect.POSTGRESQL;
    }
}
