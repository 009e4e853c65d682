package dev.cordon.query.health;

/** The innermost cause of a failed Kafka call, as a health detail. */
final class KafkaErrors {

    private KafkaErrors() {
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
