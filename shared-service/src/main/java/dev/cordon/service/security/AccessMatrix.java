package dev.cordon.service.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Turns the access matrix into Spring Security's authorization rules. */
final class AccessMatrix {

    private AccessMatrix() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                      List<EndpointRule> rules) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        // The container's error dispatch renders the error of a request that was already judged.
        requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        for (EndpointRule rule : rules) {
            for (String method : rule.methods()) {
                var matched = requests.requestMatchers(paths.matcher(HttpMethod.valueOf(method), rule.path()));
                if (rule.access() instanceof Access.AnyOf any) {
                    matched.hasAnyAuthority(any.permissions().stream().map(Permission::authority)
                            .toArray(String[]::new));
                } else if (rule.access() instanceof Access.Agent) {
                    matched.hasAuthority(TokenAuthorities.AGENT_AUTHORITY);
                } else {
                    matched.permitAll();
                }
            }
        }
        // A path no endpoint serves: a caller with a valid token learns it is not found (404), one without learns
        // nothing. Every endpoint has a row above (ApiDocumentsHaveRules checks both OpenAPI documents).
        requests.anyRequest().authenticated();
    }
}
