package dev.cordon.identity.server;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.cordon.identity.IdentityProperties;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.store.SigningKeys;
import dev.cordon.identity.store.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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

/**
 * Spring Authorization Server with client credentials only, its clients and keys from the identity directory, and
 * the Entra-ID-shaped URLs in front of its endpoints ({@link EntraIdPaths}). Everything else this service serves is
 * the instance discovery document and its own liveness; the rest is refused.
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
    SigningKeys signingKeys(IdentityProperties properties, Clock clock) {
        return new SigningKeys(properties.directory(), clock);
    }

    @Bean
    PasswordEncoder passwordEncoder(ClientRegistry clients) {
        return clients.encoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(ClientRegistry clients, IdentityProperties properties) {
        return new FileRegisteredClientRepository(clients, properties.audiences(), properties.tokenLifetime());
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
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(ClientRegistry clients, SigningKeys keys, Tenant tenant,
                                                          IdentityProperties properties) {
        return new TokenClaims(clients, keys, tenant, properties.audiences());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Tenant tenant) {
        return AuthorizationServerSettings.builder().issuer(tenant.issuer())
                .tokenEndpoint(EntraIdPaths.TOKEN).jwkSetEndpoint(EntraIdPaths.KEYS).build();
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
            Instant expiresAt = context.<OAuth2AccessTokenAuthenticationToken>getAuthentication().getAccessToken()
                    .getExpiresAt();
            if (expiresAt != null) {
                context.getAccessTokenResponse().additionalParameters(Map.of(
                        "expires_on", String.valueOf(expiresAt.getEpochSecond()),
                        "ext_expires_in", Duration.between(Instant.now(), expiresAt).toSeconds()));
            }
        });
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as
                        .tokenEndpoint(token -> token.accessTokenResponseHandler(responses))
                        .oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                                .providerConfigurationCustomizer(metadata -> metadata
                                        .tokenEndpoint(tenant.url(tenant.v2TokenPath()))
                                        .jwkSetUrl(tenant.url(tenant.keysPath()))))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Token requests authenticate the client in the request itself, with no cookie to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    @Order(2)
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
