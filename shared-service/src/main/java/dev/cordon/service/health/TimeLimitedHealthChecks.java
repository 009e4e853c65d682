package dev.cordon.service.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.availability.AvailabilityStateHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.PingHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Puts every health indicator that asks a dependency under {@code cordon.health.check-timeout}
 * ({@link TimeLimitedHealthIndicator}), so that {@code /actuator/health} and its probe groups answer within it while
 * a database or broker hangs. Liveness, readiness and ping answer from memory and stay as they are. Unanswered, a
 * database check is DOWN, one that says otherwise ({@link UnansweredStatus}) its status, any other UNKNOWN. The
 * checks run on this one pool of daemon threads, each at most once at a time.
 */
public class TimeLimitedHealthChecks implements BeanPostProcessor, EnvironmentAware, DisposableBean {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "health-check-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final List<TimeLimitedHealthIndicator> checks = new CopyOnWriteArrayList<>();
    private HealthCheckProperties properties;

    /** Bound here, not injected: a post-processor is created before configuration properties beans. */
    @Override
    public void setEnvironment(Environment environment) {
        properties = Binder.get(environment).bindOrCreate("cordon.health", HealthCheckProperties.class);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof HealthIndicator indicator) || bean instanceof TimeLimitedHealthIndicator
                || bean instanceof AvailabilityStateHealthIndicator || bean instanceof PingHealthIndicator) {
            return bean;
        }
        TimeLimitedHealthIndicator check = new TimeLimitedHealthIndicator(indicator, unansweredStatus(indicator),
                properties.checkTimeout(), properties.cacheFor(), executor, System::nanoTime, this::startStale);
        checks.add(check);
        return check;
    }

    private static Status unansweredStatus(HealthIndicator indicator) {
        if (indicator instanceof UnansweredStatus declared) {
            return declared.unansweredStatus();
        }
        return indicator instanceof DataSourceHealthIndicator ? Status.DOWN : Status.UNKNOWN;
    }

    private void startStale() {
        checks.forEach(TimeLimitedHealthIndicator::refreshIfStale);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
