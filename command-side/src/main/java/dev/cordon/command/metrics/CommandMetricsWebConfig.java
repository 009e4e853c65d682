package dev.cordon.command.metrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CommandMetricsWebConfig implements WebMvcConfigurer {

    private final CommandMetrics metrics;

    CommandMetricsWebConfig(CommandMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CommandMetricsInterceptor(metrics));
    }
}
