package dev.cordon.events;

/** A device event that belongs to one machine action (isolate or release) and moves its status. */
public interface MachineActionEvent extends DeviceEvent {
    String actionId();
}
