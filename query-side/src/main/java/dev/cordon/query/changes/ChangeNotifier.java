package dev.cordon.query.changes;

/**
 * How the projection announces what it applied. {@link #changed} is called inside the projection's transaction and
 * must reach subscribers only once that transaction committed, so that a subscriber who refetches on the
 * notification reads the change.
 */
public interface ChangeNotifier {

    /** For projections nobody subscribes to (a rebuild's shadow tables). */
    ChangeNotifier NONE = new ChangeNotifier() {
        @Override
        public void changed(Change change) {
        }

        @Override
        public void reset() {
        }
    };

    void changed(Change change);

    /** The read models were replaced: every subscriber, on every instance, refetches everything. */
    void reset();
}
