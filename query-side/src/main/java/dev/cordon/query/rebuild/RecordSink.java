package dev.cordon.query.rebuild;

/** Takes the history, one CloudEvent value at a time, in the order the read models must see it. */
interface RecordSink {

    /** @param origin where the value came from, for the log (as the live consumer names it) */
    void accept(String value, String origin);

    /** A stored event that could not even be turned into a CloudEvent: counted as skipped, like poison. */
    void skip(String origin, String reason);

    /** Projects whatever is buffered. */
    void flush();
}
