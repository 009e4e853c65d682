package dev.cordon.command.audit;

import dev.cordon.command.cloudevent.CloudEventMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.cordon.service.security.DeviceScope;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Writes events as NDJSON, one CloudEvents document per line, exactly as the Kafka publisher sends them. Each
 * event is read, converted, written and forgotten: memory stays at one fetch batch whatever the range.
 */
@Component
class EventExport {

    private static final byte[] NEWLINE = {'\n'};

    private final StoredEvents store;
    private final CloudEventMapper cloudEvents;

    EventExport(StoredEvents store, CloudEventMapper cloudEvents) {
        this.store = store;
        this.cloudEvents = cloudEvents;
    }

    /** @return how many events were written */
    /** @param scope the caller's device groups: other devices' events are left out */
    long write(Instant from, Instant to, String machineId, DeviceScope scope, OutputStream out) {
        long[] written = {0};
        store.export(from, to, machineId, scope, event -> {
            try {
                out.write(cloudEvents.toJson(cloudEvents.toCloudEvent(event.current()))
                        .getBytes(StandardCharsets.UTF_8));
                out.write(NEWLINE);
                // Hand each fetched batch to the client as it is done, rather than when the buffer happens to fill.
                if (++written[0] % StoredEvents.EXPORT_FETCH_SIZE == 0) {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return written[0];
    }
}
