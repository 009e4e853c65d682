package dev.cordon.identity.server;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.cordon.identity.IdentityProperties;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.store.SigningKeys;
import dev.cordon.identity.store.TenantId;
import dev.cordon.identity.users.UserDirectory;
import dev.cordon.identity.users.UserRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with its clients, users and keys from the identity directory: client credentials for
 * applications, and for people the authorization code flow with PKCE and OpenID Connect (the dashboard's sign-in), a
 * form login on the users file with a server-side session, and RP-initiated logout. Its endpoints are at the
 * Entra-ID-shaped URLs ({@link EntraIdPaths}, {@link Tenant}). Everything else this service serves is the instance
 * discovery document and its own liveness; the rest is refused.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Tenant tenant(IdentityProperties properties) {
        String id = properties.tenantId() != null && !properties.tenantId().isBlank() ? properties.tenantId()
                : TenantId.of(properties.directory());
        return new Tenant(id, properties.publicBaseUrl());
    }

    @Bean
    ClientRegistry clientRegistry(IdentityProperties properties, Clock clock) {
        return new ClientRegistry(properties.directory(), clock);
    }

    @Bean
    UserRegistry userRegistry(IdentityProperties properties, Clock clock) {
        return new UserRegistry(properties.directory(), clock);
    }

    @Bean
    SigningKeys signingKeys(IdentityProperties properties, Clock clock) {
        return new SigningKeys(properties.directory(), clock);
    }

    /** The clients' secrets; the users' passwords have their own encoder (see {@link #signInChain}). */
    @Bean
    PasswordEncoder passwordEncoder(ClientRegistry clients) {
        return clients.encoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(ClientRegistry clients, IdentityProperties properties,
                                                          Tenant tenant) {
        return new FileRegisteredClientRepository(clients, properties.audiences(), properties.tokenLifetime(), tenant);
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ClientCredentialsAuthorizations();
    }

    /** Reads the key file on every use, so a rotation made by the command line is served at once. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(keys.all());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(ClientRegistry clients, UserRegistry users,
                                                          SigningKeys keys, Tenant tenant,
                                                          IdentityProperties properties) {
        return new TokenClaims(clients, users, keys, tenant, properties.audiences());
    }

    /**
     * The authorize and logout endpoints are at their public paths themselves, not rewritten as the token endpoint
     * is: an authorization request is saved while the person signs in, and sent back to as it was seen.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(Tenant tenant) {
        return AuthorizationServerSettings.builder().issuer(tenant.issuer())
                .tokenEndpoint(EntraIdPaths.TOKEN).jwkSetEndpoint(EntraIdPaths.KEYS)
                .authorizationEndpoint(tenant.authorizePath()).oidcLogoutEndpoint(tenant.logoutPath()).build();
    }

    /** Which sign-in session an ID token belongs to ({@code sid}), so that logout ends that one. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** The session cookie is Secure when people reach Cordon over https (over plain http it would never be sent). */
    @Bean
    ServletContextInitializer secureSessionCookie(Tenant tenant) {
        return servletContext -> servletContext.getSessionCookieConfig()
                .setSecure(tenant.baseUrl().regionMatches(true, 0, "https:", 0, 6));
    }

    /** Before Spring Security's filters, so they see the endpoints' own paths. */
    @Bean
    FilterRegistrationBean<EntraIdPaths> entraIdPaths(Tenant tenant) {
        FilterRegistrationBean<EntraIdPaths> registration = new FilterRegistrationBean<>(new EntraIdPaths(tenant));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, Tenant tenant) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        OAuth2AccessTokenResponseAuthenticationSuccessHandler responses =
                new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        responses.setAccessTokenResponseCustomizer(context -> {
            // Entra ID's answer also says when the token expires as a time; some clients read that instead.
            OAuth2AccessTokenAuthenticationToken issued = context.getAuthentication();
            Instant expiresAt = issued.getAccessToken().getExpiresAt();
            if (expiresAt != null) {
                // The builder replaces its additional parameters: keep the ID token that a sign-in put there.
                Map<String, Object> parameters = new LinkedHashMap<>(issued.getAdditionalParameters());
                parameters.put("expires_on", String.valueOf(expiresAt.getEpochSecond()));
                parameters.put("ext_expires_in", Duration.between(Instant.now(), expiresAt).toSeconds());
                context.getAccessTokenResponse().additionalParameters(parameters);
            }
        });
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as
                        .tokenEndpoint(token -> token.accessTokenResponseHandler(responses))
                        .oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                                .providerConfigurationCustomizer(metadata -> metadata
                                        .authorizationEndpoint(tenant.url(tenant.authorizePath()))
                                        .tokenEndpoint(tenant.url(tenant.v2TokenPath()))
                                        .jwkSetUrl(tenant.url(tenant.keysPath()))
                                        .endSessionEndpoint(tenant.url(tenant.logoutPath()))))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser that is not signed in is sent to the sign-in page, at its public URL.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(tenant.url(tenant.loginPath())),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // Token requests authenticate the client in the request itself, with no cookie to forge; an
                // authorization request changes nothing until the signed-in person's browser is sent back with a
                // code; logout needs the ID token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    /**
     * The sign-in page and its form, on the users file with the Argon2 encoder. Spring Security checks the CSRF token,
     * gives the session a new id on sign-in, and answers a wrong name and a wrong password alike (and as slowly: it
     * hashes a dummy password for a name it does not know); a name with too many failures is locked for a while.
     */
    @Bean
    @Order(2)
    SecurityFilterChain signInChain(HttpSecurity http, Tenant tenant, UserRegistry users) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new UserDirectory(users));
        provider.setPasswordEncoder(users.encoder());
        SignInThrottle throttle = new SignInThrottle(tenant.loginPath(),
                new SimpleUrlAuthenticationFailureHandler(tenant.url(tenant.loginPath()) + "?error"));
        http.securityMatcher(tenant.loginPath())
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .authenticationManager(new ProviderManager(provider))
                // This chain is the sign-in page alone (its security matcher): whoever is not signed in must reach it.
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(form -> form.loginPage(tenant.loginPath()).loginProcessingUrl(tenant.loginPath())
                        .usernameParameter("username").passwordParameter("password")
                        .successHandler(new SignedInRedirect(tenant))
                        .failureHandler(throttle))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(LoginPage.POLICY)))
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/common/discovery/instance", "/*/discovery/instance").permitAll()
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // nothing here changes state
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }
}
