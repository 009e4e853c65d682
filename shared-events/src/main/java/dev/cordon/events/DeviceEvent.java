package dev.cordon.events;

/** Marker for every event of the device aggregate; the device id is the aggregate id and the Kafka key. */
public interface DeviceEvent extends CordonEvent {
    String deviceId();

    @Override
    default String subject() {
        return deviceId();
    }
}
