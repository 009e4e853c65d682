package dev.cordon.events.kafka;

/** What producer and consumers agree on beyond the message value. */
public final class KafkaContract {

    /** Default topic; both sides read the name from {@code cordon.kafka.topic}. */
    public static final String DEFAULT_TOPIC = "cordon.device-events";

    /** Header carried beside the structured CloudEvent, so consumers can route without parsing. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private KafkaContract() {
    }
}
