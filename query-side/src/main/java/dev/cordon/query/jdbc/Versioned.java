package dev.cordon.query.jdbc;

/**
 * A read-model row as stored, with the sequence of the last event folded into it: a batch of events folds onto it in
 * memory and needs the sequence to know which events the view may still take.
 */
public record Versioned<V>(V view, long lastSequence) {
}
