package dev.cordon.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventStoreHistoryTest {

    private final EventStoreHistory history = new EventStoreHistory(null, 100, 1, 0);

    @Test
    void catchUpFrom_withoutGaps_isTheLastIndexRead() {
        for (long index = 1; index <= 5; index++) {
            history.seen(index);
        }
        assertThat(history.catchUpFrom()).isEqualTo(5);
    }

    /** Index 3 may be an append that commits after 4 and 5 did: the tail is read again from it. */
    @Test
    void catchUpFrom_withRecentGap_startsBeforeTheGap() {
        history.seen(1);
        history.seen(2);
        history.seen(4);
        history.seen(5);
        assertThat(history.catchUpFrom()).isEqualTo(2);
    }

    @Test
    void catchUpFrom_whenFirstIndexesMissing_startsAtTheBeginning() {
        history.seen(3);
        assertThat(history.catchUpFrom()).isZero();
    }

    /** A gap further back than the window is a rolled-back append, not one still in flight. */
    @Test
    void catchUpFrom_ignoresGapsOlderThanTheWindow() {
        history.seen(1);
        history.seen(3);
        long last = 3 + EventStoreHistory.GAP_WINDOW + 1;
        history.seen(last);
        assertThat(history.catchUpFrom()).isEqualTo(last - EventStoreHistory.GAP_WINDOW - 1);

        history.seen(last + 1);
        history.seen(last + EventStoreHistory.GAP_WINDOW + 2);
        assertThat(history.catchUpFrom()).isEqualTo(last + 1);
    }

    /** Rows read again during the catch-up do not open gaps. */
    @Test
    void seen_whenIndexReadAgain_changesNothing() {
        history.seen(1);
        history.seen(2);
        history.seen(1);
        assertThat(history.catchUpFrom()).isEqualTo(2);
    }
}
