package dev.cordon.service.security;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import dev.cordon.service.error.PublicErrors;
import dev.cordon.service.ratelimit.RateLimitAutoConfiguration;
import dev.cordon.service.ratelimit.RateLimitFilter;
import dev.cordon.service.ratelimit.RateLimiter;
import dev.cordon.service.request.PublicUrlProperties;
import dev.cordon.service.request.RequestIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security of both services, on by default and with no switch to turn it off: every call needs a bearer token that
 * Spring Security's resource server validates ({@link TokenDecoder}), each endpoint needs the permission the one
 * access matrix names ({@link EndpointPermissions}), anything not in the matrix is refused, and a caller's calls are
 * counted against its rate limits. Requests for another host, and browser writes from another origin, are refused
 * before any of that. Not applied to the token service, which is the issuer itself.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class}, after = RateLimitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, BearerTokenAuthenticationFilter.class})
@ConditionalOnMissingBean(type = "org.springframework.security.oauth2.server.authorization.settings"
        + ".AuthorizationServerSettings")
@EnableConfigurationProperties({SecurityProperties.class, UserRoleProperties.class, PublicUrlProperties.class})
@EnableWebSecurity
public class ApiSecurityAutoConfiguration {

    @Bean
    JwtDecoder cordonJwtDecoder(SecurityProperties properties) {
        return TokenDecoder.of(properties);
    }

    @Bean
    TokenAuthorities cordonTokenAuthorities(SecurityProperties properties, UserRoleProperties users) {
        return new TokenAuthorities(properties.agentMachineClaim(), users);
    }

    @Bean
    SecurityFilterChain cordonApiSecurity(HttpSecurity http, JwtDecoder decoder, TokenAuthorities authorities,
                                          ObjectProvider<RateLimiter> rateLimiter) throws Exception {
        PublicErrorEntryPoint errors = new PublicErrorEntryPoint();
        http.authorizeHttpRequests(requests -> AccessMatrix.apply(requests, EndpointPermissions.RULES))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(authorities))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors)
                        .withObjectPostProcessor(new FailuresOfTheIssuer()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Every call carries its own bearer token and no cookie authenticates anything, so there is no
                // ambient credential a cross-site request could borrow; browser writes from another origin are
                // refused by OriginCheckFilter besides.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> {
                    // Written when the request arrives, not when the answer is committed: a change stream's answer is
                    // committed by the thread that writes its events, and adding headers from there while the
                    // request's own thread still reads them corrupts Tomcat's (unsynchronised) header list.
                    headers.addObjectPostProcessor(new EagerHeaders());
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                            .referrerPolicy(referrer -> referrer.policy(
                                    ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
                });
        rateLimiter.ifAvailable(limiter -> http.addFilterAfter(new RateLimitFilter(limiter), AuthorizationFilter.class));
        return http.build();
    }

    /** Right after the request id: nothing for a foreign host is looked at, not even its token. */
    @Bean
    FilterRegistrationBean<HostCheckFilter> hostCheckFilter(SecurityProperties properties,
                                                            PublicUrlProperties publicUrl) {
        List<String> hosts = new ArrayList<>(properties.allowedHosts());
        hosts.add(publicUrl.uri().getHost());
        FilterRegistrationBean<HostCheckFilter> registration = new FilterRegistrationBean<>(new HostCheckFilter(hosts));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OriginCheckFilter> originCheckFilter(SecurityProperties properties,
                                                                PublicUrlProperties publicUrl) {
        List<String> origins = new ArrayList<>(properties.allowedOrigins());
        origins.add(publicUrl.origin());
        URI base = publicUrl.uri();
        if (HostCheckFilter.LOOPBACK.contains(base.getHost())) {
            // The same port on another loopback name is the same page to its user.
            String port = base.getPort() < 0 ? "" : ":" + base.getPort();
            HostCheckFilter.LOOPBACK.forEach(host -> origins.add(base.getScheme() + "://" + host + port));
        }
        FilterRegistrationBean<OriginCheckFilter> registration =
                new FilterRegistrationBean<>(new OriginCheckFilter(origins));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    private static final class EagerHeaders implements ObjectPostProcessor<HeaderWriterFilter> {

        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    }

    /**
     * A token that cannot be checked because the issuer's keys cannot be fetched is the issuer's fault, not the
     * caller's: 503 with {@code Retry-After}, not 401 (and never 500).
     */
    private static final class FailuresOfTheIssuer
            implements ObjectPostProcessor<BearerTokenAuthenticationFilter> {

        @Override
        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
            PublicErrorEntryPoint errors = new PublicErrorEntryPoint();
            AuthenticationFailureHandler failures = (request, response, exception) -> {
                if (exception instanceof AuthenticationServiceException) {
                    ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "The token could not be checked: the"
                            + " token issuer's keys are not reachable. Try again shortly.", RequestIds.of(request),
                            PublicErrors.RETRY_AFTER_SECONDS);
                } else {
                    errors.commence(request, response, exception);
                }
            };
            filter.setAuthenticationFailureHandler(failures);
            return filter;
        }
    }
}
