package dev.cordon.query.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard's scripts and styles from the jar: nothing is loaded from a CDN or any other host, so the
 * dashboard works on a closed network and no third party can change what runs in an analyst's browser.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfig implements WebMvcConfigurer {

    static final String ASSETS = "/assets/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Revalidated on every use (answered 304 when unchanged), so an upgrade never runs old and new modules
        // side by side in one page.
        registry.addResourceHandler(ASSETS + "**")
                .addResourceLocations("classpath:/dashboard/assets/")
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    FilterRegistrationBean<DashboardSecurityHeaders> dashboardSecurityHeaders() {
        FilterRegistrationBean<DashboardSecurityHeaders> registration =
                new FilterRegistrationBean<>(new DashboardSecurityHeaders());
        registration.addUrlPatterns("/", "/devices", "/devices/*", "/actions", ASSETS + "*");
        return registration;
    }
}
