package dev.cordon.query.dashboard.signin;

import dev.cordon.service.request.PublicUrlProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Analysts sign in to the dashboard with OpenID Connect (authorization code with PKCE); this side is the client and
 * keeps the tokens in a server-side session, so the browser holds only the session cookie. The cookie authenticates
 * the dashboard's own paths, never {@code /api/**}: the pages' API calls go through {@code /dashboard/api/**}, which
 * turns them into bearer-token calls (InProcessReads, CommandSideRelay). Its own chain, ahead of the API's.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SignInConfigured.class)
class DashboardSignIn {

    static final String SIGN_IN = "/oauth2/authorization/" + CordonClientRegistration.ID;
    static final String COOKIE = "CORDON_SESSION";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final RequestMatcher PAGES = new OrRequestMatcher(PATHS.matcher(HttpMethod.GET, "/"),
            PATHS.matcher(HttpMethod.GET, "/devices"), PATHS.matcher(HttpMethod.GET, "/devices/*"),
            PATHS.matcher(HttpMethod.GET, "/actions"));
    private static final RequestMatcher DASHBOARD = new OrRequestMatcher(PATHS.matcher("/"),
            PATHS.matcher("/devices"), PATHS.matcher("/devices/*"), PATHS.matcher("/actions"),
            PATHS.matcher("/oauth2/authorization/**"), PATHS.matcher("/login/oauth2/code/**"),
            PATHS.matcher("/dashboard/**"));

    @Bean
    ClientRegistrationRepository dashboardClientRegistration(DashboardProperties properties,
                                                             PublicUrlProperties publicUrl) {
        return new CordonClientRegistration(properties.signIn(), publicUrl);
    }

    /** In the session (so in the database, with it), not in this process's memory: any replica can use them. */
    @Bean
    OAuth2AuthorizedClientRepository dashboardAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager dashboardClientManager(ClientRegistrationRepository registrations,
                                                         OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    SessionTokens dashboardSessionTokens(OAuth2AuthorizedClientManager manager) {
        return new SessionTokens(manager);
    }

    /** Before Spring Security's filter, so that the rewritten request is the one the API's chain judges. */
    @Bean
    FilterRegistrationBean<InProcessReads> dashboardInProcessReads(SessionTokens tokens) {
        FilterRegistrationBean<InProcessReads> registration = new FilterRegistrationBean<>(new InProcessReads(tokens));
        registration.addUrlPatterns(InProcessReads.PREFIX + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        // Spring Security's filter is at -100; the session repository's and the absolute timeout's run before.
        registration.setOrder(-101);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                          OAuth2AuthorizedClientRepository clients, PublicUrlProperties publicUrl)
            throws Exception {
        SignInEntryPoint errors = new SignInEntryPoint();
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        // A confidential client uses PKCE too: a code caught on its way back is worthless without the verifier.
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri(publicUrl.publicBaseUrl() + "/");
        signedOut.setDefaultTargetUrl("/");
        signedOut.setRedirectStrategy(new SignOutAnswer());
        // After signing in, back to the page that asked for it; never to one of the dashboard's API calls.
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(PAGES);
        pages.setMatchingRequestParameterName(null); // the page's own address, without ?continue
        http.securityMatcher(DASHBOARD)
                .authorizeHttpRequests(authorize -> authorize
                        // An error dispatch only writes the error of a request already judged; the sign-in's own
                        // start and its redirect back cannot need a session, since they are how one is made.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PATHS.matcher("/oauth2/authorization/**"),
                                PATHS.matcher("/login/oauth2/code/**")).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(SIGN_IN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .authorizedClientRepository(clients)
                        .failureHandler(errors))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(errors, PATHS.matcher("/dashboard/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), PAGES)
                        .accessDeniedHandler(errors))
                .requestCache(cache -> cache.requestCache(pages))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // Every write needs the session's CSRF token in a header (the default repository: in the session).
                .csrf(csrf -> { })
                .logout(logout -> logout
                        .logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/dashboard/sign-out"))
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(COOKIE)
                        .logoutSuccessHandler(signedOut))
                // The pages set their own policy (DashboardSecurityHeaders); the API's answers keep theirs.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
