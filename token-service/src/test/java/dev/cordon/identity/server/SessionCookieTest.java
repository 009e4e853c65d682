package dev.cordon.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;

/** The sign-in cookie is Secure when people reach Cordon over https; over plain http a Secure one would never be sent. */
class SessionCookieTest {

    @Test
    void theSessionCookie_isSecure_behindAnHttpsBaseUrl_only() throws Exception {
        assertThat(secure("https://cordon.example.com")).isTrue();
        assertThat(secure("HTTPS://cordon.example.com")).isTrue();
        assertThat(secure("http://127.0.0.1:8080")).isFalse();
    }

    private static boolean secure(String baseUrl) throws Exception {
        MockServletContext context = new MockServletContext();
        new AuthorizationServerConfig().secureSessionCookie(new Tenant("t-1", baseUrl)).onStartup(context);
        return context.getSessionCookieConfig().isSecure();
    }
}
