package dev.cordon.service.health;

/** The innermost cause of a failed Kafka call, as a health detail. */
public final class KafkaErrors {

    private KafkaErrors() {
    }

    public static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
