package dev.cordon.query.dashboard.signin;

import dev.cordon.service.request.PublicUrlProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie and the absolute timeout (Spring Session JDBC keeps the sessions, and ends idle ones after
 * {@code cordon.dashboard.session.idle-timeout}, which application.yml passes on as {@code spring.session.timeout}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardSessions {

    /**
     * HttpOnly: no script reads it. SameSite=Lax: another site's page cannot send it with a write; Strict would drop it
     * on the identity provider's redirect back. Secure whenever Cordon is reached over TLS.
     */
    @Bean
    CookieSerializer dashboardCookie(PublicUrlProperties publicUrl) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(DashboardSignIn.COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie("https".equalsIgnoreCase(publicUrl.uri().getScheme()));
        return cookie;
    }

    /** Right after Spring Session's filter (Integer.MIN_VALUE + 50), before anything reads the session. */
    @Bean
    FilterRegistrationBean<AbsoluteSessionTimeout> dashboardAbsoluteTimeout(DashboardProperties properties) {
        FilterRegistrationBean<AbsoluteSessionTimeout> registration = new FilterRegistrationBean<>(
                new AbsoluteSessionTimeout(properties.session().absoluteTimeout(), Clock.systemUTC()));
        registration.setOrder(Integer.MIN_VALUE + 51);
        return registration;
    }
}
