package dev.cordon.command.demo;

import dev.cordon.command.api.CommandSender;
import dev.cordon.command.device.ChangeDeviceTagCommand;
import dev.cordon.command.device.RegistrationOutcome;
import dev.cordon.command.device.TagChange;
import dev.cordon.command.group.DeviceGroups;
import dev.cordon.service.ids.RandomUuids;
import dev.cordon.service.security.DeviceScope;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the demo devices once the application is ready, when {@code cordon.demo.seed-devices} is on. It
 * sends the command {@code PUT /api/machines/{id}} sends, so the aggregate decides as for any registration: a
 * device already registered with the same details stores nothing, which makes a restart, or two replicas
 * seeding at once (the event store's unique key and the command retry settle that race), add no events. The devices
 * land in the configured device groups by their rules, as any registration without a group name; the seed, being the
 * system itself, covers every group. Its tags
 * are added the same way: a tag the device has already stores nothing.
 */
@Component
public class DemoDeviceSeeder {

    static final String REQUESTOR = "Cordon demo seed";
    static final String REQUEST_SOURCE = "DemoSeed";

    private static final Logger log = LoggerFactory.getLogger(DemoDeviceSeeder.class);

    private final CommandSender commands;
    private final DemoProperties properties;
    private final Clock clock;
    private final DeviceGroups groups;

    public DemoDeviceSeeder(CommandSender commands, DemoProperties properties, Clock clock, DeviceGroups groups) {
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.groups = groups;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (properties.seedDevices()) {
            seed();
        }
    }

    /** Registers every demo device; how many were registered, updated or unchanged. */
    public Map<RegistrationOutcome, Integer> seed() {
        Map<RegistrationOutcome, Integer> outcomes = new EnumMap<>(RegistrationOutcome.class);
        for (DemoDevice device : DemoDevices.ALL) {
            String requestId = RandomUuids.nextString();
            MDC.put("requestId", requestId);
            try {
                RegistrationOutcome outcome = commands.send(device.registerCommand(groups, REQUESTOR, REQUEST_SOURCE,
                        clock.instant()), requestId,
                        REQUESTOR, REQUEST_SOURCE);
                outcomes.merge(outcome, 1, Integer::sum);
                for (String tag : DemoDevices.tagsOf(device)) {
                    commands.send(new ChangeDeviceTagCommand(device.id(), tag, TagChange.Add, REQUESTOR,
                            REQUEST_SOURCE, clock.instant(), DeviceScope.ALL), requestId, REQUESTOR, REQUEST_SOURCE);
                }
            } catch (RuntimeException e) {
                // A demo device missing is no reason to refuse to start; the next start tries again.
                log.warn("Demo device {} ({}) could not be registered: {}", device.computerDnsName(), device.id(),
                        e.toString());
            } finally {
                MDC.remove("requestId");
            }
        }
        log.info("Demo devices: {} registered, {} updated, {} unchanged", outcomes.getOrDefault(
                RegistrationOutcome.REGISTERED, 0), outcomes.getOrDefault(RegistrationOutcome.UPDATED, 0),
                outcomes.getOrDefault(RegistrationOutcome.UNCHANGED, 0));
        return outcomes;
    }
}
