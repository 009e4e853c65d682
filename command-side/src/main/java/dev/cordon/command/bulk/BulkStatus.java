package dev.cordon.command.bulk;

/** Dispatching until every target has its action or refusal, or until cancelled. */
public enum BulkStatus {
    Dispatching,
    Dispatched,
    Cancelled
}
