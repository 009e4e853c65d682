package dev.cordon.standalone.startup;

/** A device as the start-up message lists it. */
public record DemoDevice(String id, String name, String osPlatform) {
}
