package dev.cordon.command.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.device.IsolateDeviceCommand;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

class CommandMetricsInterceptorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandMetricsInterceptor interceptor = new CommandMetricsInterceptor(new CommandMetrics(registry));
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void everyRequest_isCounted_butTheAnnotationIsLookedUpOncePerHandlerMethod() throws Exception {
        for (int i = 0; i < 3; i++) {
            // Spring may hand each request a new HandlerMethod for the same method.
            answer(handler("isolate"), 201);
        }
        answer(handler("notCounted"), 200);
        answer(handler("notCounted"), 200);

        assertThat(registry.get(CommandMetrics.COMMANDS).tag("command", "IsolateDevice")
                .tag("outcome", CommandMetrics.ACCEPTED).counter().count()).isEqualTo(3.0);
        assertThat(registry.get(CommandMetrics.DURATION).tag("command", "IsolateDevice").timer().count())
                .isEqualTo(3);
        assertThat(registry.find(CommandMetrics.COMMANDS).tag("command", "NotCounted").counter()).isNull();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aFailedRequest_isCountedAsRejected() throws Exception {
        answer(handler("isolate"), 500);

        assertThat(registry.get(CommandMetrics.COMMANDS).tag("outcome", CommandMetrics.REJECTED)
                .tag("error_code", "InternalServerError").counter().count()).isEqualTo(1.0);
    }

    private void answer(HandlerMethod handler, int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/machines/m1/isolate");
        MockHttpServletResponse response = new MockHttpServletResponse();
        interceptor.preHandle(request, response, handler);
        response.setStatus(status);
        interceptor.afterCompletion(request, response, handler, null);
    }

    private HandlerMethod handler(String name) throws NoSuchMethodException {
        Method method = Endpoints.class.getDeclaredMethod(name);
        return new HandlerMethod(new Endpoints(), method) {
            @Override
            public <A extends Annotation> A getMethodAnnotation(Class<A> type) {
                if (type == CountedCommand.class) {
                    lookups.incrementAndGet();
                }
                return super.getMethodAnnotation(type);
            }
        };
    }

    static class Endpoints {

        @CountedCommand(IsolateDeviceCommand.class)
        void isolate() {
        }

        void notCounted() {
        }
    }
}
