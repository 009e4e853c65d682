package dev.cordon.query.changes;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * H2 (standalone mode): one query-side instance, so the projection's changes go straight to this instance's
 * subscribers, once the projection's transaction committed. A rolled-back transaction announces nothing.
 */
final class InProcessChangeNotifier implements ChangeNotifier {

    private final ChangeSubscribers subscribers;

    InProcessChangeNotifier(ChangeSubscribers subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public void changed(Change change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            subscribers.changed(change);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                subscribers.changed(change);
            }
        });
    }

    @Override
    public void reset() {
        subscribers.reset();
    }
}
