package dev.cordon.query.dashboard.signin;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.service.error.PublicErrors;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Without a dashboard client id nobody can sign in: the pages still load and say so in one sentence, from the answer
 * to {@code /dashboard/**}; the API keeps working with bearer tokens. Nothing here creates a session.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SignInConfigured.Not.class)
class SignInNotConfigured {

    static final String MESSAGE = "Sign-in to the dashboard is not configured (cordon.dashboard.sign-in.client-id);"
            + " the API works with bearer tokens.";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardWithoutSignIn(HttpSecurity http) throws Exception {
        http.securityMatcher("/dashboard/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Every path of this chain answers 404 and changes nothing, so there is nothing to forge.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @RestController
    @Hidden
    @Conditional(SignInConfigured.Not.class)
    static class Answer {

        @RequestMapping("/dashboard/**")
        ResponseEntity<ErrorResponse> notConfigured(HttpServletRequest request) {
            return PublicErrors.answer(ErrorCode.NotFound, MESSAGE, request);
        }
    }
}
