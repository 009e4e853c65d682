package dev.cordon.system.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One device's expected states over time, as the test drove it. A span runs from the moment the answer to
 * the command that caused it arrived to the moment the next state-changing request was sent; inside a span
 * the state is certain, whatever the server's clock resolution or processing time.
 */
final class DeviceHistory {

    /** The instants sampled keep this far from a span's ends: the event store keeps milliseconds. */
    private static final Duration MARGIN = Duration.ofMillis(5);

    record Span(Instant from, Instant to, ExpectedState state) {
    }

    final String deviceId;
    final Instant registrationSent;
    private final List<Span> spans = new ArrayList<>();
    private ExpectedState current;
    private Instant currentFrom;
    /** When the request that opened the current action was sent: its deadline counts from no earlier. */
    Instant actionOpenedSent;
    /** Set while an action is left to time out: the moment the server's deadline can fire at the earliest. */
    Instant timeoutEarliest;
    String awaitedTimeout;

    DeviceHistory(String deviceId, Instant registrationSent, Instant registrationAnswered) {
        this.deviceId = deviceId;
        this.registrationSent = registrationSent;
        this.current = ExpectedState.registered();
        this.currentFrom = registrationAnswered;
    }

    ExpectedState current() {
        return current;
    }

    /** The current state ended when {@code changeSent} was sent; the next one holds from {@code answered}. */
    void changed(Instant changeSent, Instant answered, ExpectedState next) {
        spans.add(new Span(currentFrom, changeSent, current));
        current = next;
        currentFrom = answered;
    }

    void close(Instant end) {
        spans.add(new Span(currentFrom, end, current));
        currentFrom = end;
    }

    /** A random instant well inside a random span, with the state there; empty if the span drawn is too short. */
    Optional<Span> sample(Random random) {
        Span span = spans.get(random.nextInt(spans.size()));
        Instant from = span.from().plus(MARGIN);
        Instant to = span.to().minus(MARGIN);
        if (!from.isBefore(to)) {
            return Optional.empty();
        }
        long width = Duration.between(from, to).toNanos();
        Instant at = from.plusNanos((long) (random.nextDouble() * width));
        return Optional.of(new Span(at, at, span.state()));
    }

    Instant beforeExistence(Random random) {
        return registrationSent.minus(MARGIN).minusMillis(random.nextInt(3_600_000));
    }

    int spanCount() {
        return spans.size();
    }
}
