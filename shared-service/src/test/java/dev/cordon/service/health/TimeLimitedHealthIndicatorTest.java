package dev.cordon.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

class TimeLimitedHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();

    @AfterEach
    void tearDown() {
        release.countDown();
        executor.shutdownNow();
    }

    private final HealthIndicator hanging = () -> {
        runs.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Health.up().build();
    };

    private TimeLimitedHealthIndicator limited(HealthIndicator delegate) {
        return new TimeLimitedHealthIndicator(delegate, Status.DOWN, TIMEOUT, Duration.ofSeconds(1), executor,
                now::get, () -> { });
    }

    @Test
    void health_ofAHangingCheck_isItsUnansweredStatus() {
        Health health = limited(hanging).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error")).isEqualTo("No answer within 200 ms");
    }

    @Test
    void health_askedAgainWhileTheCheckHangs_startsNoSecondRunAndDoesNotWaitAgain() {
        TimeLimitedHealthIndicator indicator = limited(hanging);
        indicator.health();
        now.addAndGet(Duration.ofSeconds(5).toNanos());

        for (int i = 0; i < 20; i++) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        }

        assertThat(runs).hasValue(1);
    }

    @Test
    void health_onceTheCheckAnswers_isItsAnswer() {
        TimeLimitedHealthIndicator indicator = limited(hanging);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);

        release.countDown();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void health_isReusedForTheCacheTime_thenAskedAgain() {
        TimeLimitedHealthIndicator indicator = limited(() -> {
            runs.incrementAndGet();
            return Health.up().build();
        });
        indicator.health();
        indicator.health();
        assertThat(runs).hasValue(1);

        now.addAndGet(Duration.ofMillis(1_001).toNanos());
        indicator.health();

        assertThat(runs).hasValue(2);
    }

    @Test
    void health_ofAFailingCheck_isDownWithItsError() {
        Health health = limited(() -> {
            throw new IllegalStateException("no pool");
        }).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error")).asString().contains("no pool");
    }
}
