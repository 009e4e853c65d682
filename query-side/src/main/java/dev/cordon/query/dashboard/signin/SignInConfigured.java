package dev.cordon.query.dashboard.signin;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * A dashboard client id is set. Not {@code @ConditionalOnProperty}: application.yml always sets the property, to an
 * empty value when its environment variable is unset.
 */
class SignInConfigured implements Condition {

    static final String CLIENT_ID = "cordon.dashboard.sign-in.client-id";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(CLIENT_ID));
    }

    /** The opposite, for what serves the dashboard when nobody can sign in. */
    static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(CLIENT_ID));
        }
    }
}
