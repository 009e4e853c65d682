package dev.cordon.command.bulk;

/** The limits of one bulk action. */
final class BulkLimits {

    /** The most targets of one call: the size, which one request's 202 still answers at once. */
    static final int MAX_TARGETS = 10_000;
    static final int DEFAULT_TOP = 100;

    private BulkLimits() {
    }
}
