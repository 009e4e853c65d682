package dev.cordon.command.alias;

import dev.cordon.command.audit.StoredEvents;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.service.security.DeviceScope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Devices registered before {@code device_aliases} existed are entered from the event store, once: on a start that
 * finds the table empty and the store not. Each device's last registration or update wins, and a device whose own
 * events wrote its row meanwhile keeps that row.
 */
@Component
class DeviceAliasBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeviceAliasBackfill.class);

    private final DeviceAliases aliases;
    private final StoredEvents store;

    DeviceAliasBackfill(DeviceAliases aliases, StoredEvents store) {
        this.aliases = aliases;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!aliases.isEmpty() || !store.any()) {
            return;
        }
        Map<String, String> lastAad = new LinkedHashMap<>();
        store.export(null, null, null, DeviceScope.ALL, stored -> {
            DeviceEvent event = stored.event();
            if (event instanceof DeviceRegisteredEvent registered) {
                lastAad.put(registered.deviceId(), registered.aadDeviceId());
            } else if (event instanceof DeviceDetailsUpdatedEvent updated) {
                lastAad.put(updated.deviceId(), updated.aadDeviceId());
            }
        });
        lastAad.forEach(aliases::recordIfAbsent);
        log.info("Device aliases: {} devices entered from the event store", lastAad.size());
    }
}
