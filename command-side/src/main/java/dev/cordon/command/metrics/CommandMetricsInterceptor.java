package dev.cordon.command.metrics;

import dev.cordon.service.error.PublicErrors;
import dev.cordon.events.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts and times every request to a {@link CountedCommand} endpoint once it is answered. Whether it was rejected,
 * and with which code, is what {@link PublicErrors} answered: rule violations, unknown devices, bad bodies
 * and failures alike, without a second mapping of exceptions here.
 */
class CommandMetricsInterceptor implements HandlerInterceptor {

    private static final String STARTED = CommandMetricsInterceptor.class.getName() + ".started";

    private final CommandMetrics metrics;
    /** Each handler method's command name, or none: looked up once, not on every request (the hot path). */
    private final Map<Method, Optional<String>> commands = new ConcurrentHashMap<>();

    CommandMetricsInterceptor(CommandMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (command(handler).isPresent()) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception unhandled) {
        Optional<String> command = command(handler);
        if (command.isEmpty() || !(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        ErrorCode rejection = PublicErrors.errorCodeOf(request)
                // Not answered by the handler (it answers everything): still a failure, never counted as accepted.
                .orElse(unhandled != null || response.getStatus() >= 400 ? ErrorCode.InternalServerError : null);
        metrics.record(command.get(), rejection,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Optional<String> command(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return Optional.empty();
        }
        return commands.computeIfAbsent(method.getMethod(), m -> Optional.ofNullable(
                method.getMethodAnnotation(CountedCommand.class)).map(c -> CommandMetrics.nameOf(c.value())));
    }
}
