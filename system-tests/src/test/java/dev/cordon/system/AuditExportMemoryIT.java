package dev.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.TestDatabase;
import dev.cordon.service.testing.TestIssuer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The audit export streams: a command side whose heap is smaller than the export it writes still writes it whole.
 * The store holds 20,000 events (4,000 devices isolated and released, each request with a 4,000-character comment
 * in Japanese, 3 bytes a character in UTF-8): more NDJSON than the service's whole 64 MB heap. An export that
 * gathered its answer before sending it could not fit, and the JVM is told to exit when it runs out of memory.
 * The events count as published long ago (the Kafka publisher's position is at the head), as in a store with
 * years of history: the heap then is the export's.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class AuditExportMemoryIT {

    private static final int DEVICES = 4_000;
    private static final int EVENTS_PER_DEVICE = 5;
    private static final long HEAP_MB = 64;

    private static ServiceProcess commandSide;
    private static TestDatabase events;

    @BeforeAll
    static void fillTheStoreThenStartWithASmallHeap() throws Exception {
        events = TestDatabase.create("cordon_export_memory");
        String brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + events.url(),
                "--spring.kafka.bootstrap-servers=" + brokers));
        args.addAll(Engine.trust());
        // A first start creates the schema (Flyway) and the publisher's tokens.
        try (ServiceProcess ignored = ServiceProcess.start("command-side-schema", "cordon.commandSide.jar", args)) {
            // stopped at once
        }
        try (Connection db = DriverManager.getConnection(events.url(), events.user(), "");
             Statement sql = db.createStatement()) {
            sql.execute(FILL);
            // Published long ago: otherwise the publisher would be catching up on 20,000 events in the same heap,
            // holding up to 1,024 of them per segment (Axon's work package buffer).
            int segments = sql.executeUpdate("""
                    update token_entry set owner = null,
                        token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken',
                        token = convert_to('{"index":' || (select max(global_index) from domain_event_entry)
                            || ',"gaps":[]}', 'UTF8')
                    where processor_name = 'kafka-publisher'""");
            assertThat(segments).as("the publisher's segments").isPositive();
        }
        commandSide = ServiceProcess.start("command-side-small-heap", "cordon.commandSide.jar",
                List.of("-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), args);
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void export_ofMoreThanTheHeapHolds_isWrittenWholeLineByLine() throws Exception {
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(commandSide.baseUrl() + "/api/audit/events"))
                        .header("Authorization", TestIssuer.bearer()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);

        long lines = 0;
        long bytes = 0;
        long firstLineNanos = 0;
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (lines == 0) {
                    firstLineNanos = System.nanoTime() - start;
                }
                JsonNode event = json.readTree(line);
                assertThat(event.has("error")).as("line %d reports a failed export: %s", lines, line).isFalse();
                assertThat(event.get("specversion").asText()).isEqualTo("1.0");
                ids.add(event.get("id").asText());
                lines++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(lines).isEqualTo((long) DEVICES * EVENTS_PER_DEVICE);
        assertThat(ids).hasSize(DEVICES * EVENTS_PER_DEVICE);
        assertThat(bytes).as("the export is larger than the service's whole heap").isGreaterThan(HEAP_MB << 20);
        assertThat(commandSide.isAlive()).isTrue();
        System.out.printf(Locale.ROOT, "[benchmark] audit export: %d events, %.1f MB of NDJSON from a command side"
                        + " run with -Xmx%dm, in %.1f s (first line after %.2f s)%n", lines, bytes / 1e6, HEAP_MB, seconds,
                firstLineNanos / 1e9);
    }

    /**
     * 4,000 devices, each registered, isolated selectively (stored at revision 1, so every request is upcast on the
     * way out), isolated, asked to be released and released, one second apart, written as Axon writes them.
     */
    private static final String FILL = """
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data)
            select md5('event-' || d || '-' || s)::uuid::text, device, s, 'Device', at,
                'dev.cordon.events.' || case s when 0 then 'device.DeviceRegisteredEvent'
                    when 1 then 'action.DeviceIsolationRequestedEvent' when 2 then 'action.DeviceIsolatedEvent'
                    when 3 then 'action.DeviceReleaseRequestedEvent' else 'action.DeviceReleasedEvent' end,
                '1',
                convert_to(case s
                    when 0 then json_build_object('deviceId', device, 'computerDnsName', host, 'osPlatform',
                        'Windows11', 'osBuild', '22631', 'version', '23H2', 'aadDeviceId', null, 'registeredAt', at)
                    when 1 then json_build_object('deviceId', device, 'actionId', isolation, 'isolationType',
                        'Selective', 'computerDnsName', host, 'requestor', 'analyst@corp.example', 'comment', note,
                        'requestSource', 'PublicApi', 'externalId', null, 'requestedAt', at)
                    when 2 then json_build_object('deviceId', device, 'actionId', isolation, 'isolationType',
                        'Selective', 'completedAt', at)
                    when 3 then json_build_object('deviceId', device, 'actionId', release, 'computerDnsName', host,
                        'requestor', 'analyst@corp.example', 'comment', note, 'requestSource', 'PublicApi',
                        'externalId', null, 'requestedAt', at)
                    else json_build_object('deviceId', device, 'actionId', release, 'completedAt', at)
                    end::text, 'UTF8'),
                convert_to('{"requestor":"analyst@corp.example","requestSource":"PublicApi"}', 'UTF8')
            from generate_series(0, 3999) d
            cross join generate_series(0, 4) s
            cross join lateral (select
                'mem' || lpad(d::text, 37, '0') as device,
                'host-' || d || '.corp.example' as host,
                md5('isolate-' || d)::uuid::text as isolation,
                md5('release-' || d)::uuid::text as release,
                left(repeat('不審な通信を検知したため端末を隔離します。', 200), 4000) as note,
                to_char(timestamp '2026-01-01' + (d * 5 + s) * interval '1 second',
                    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at) v
            order by d, s
            """;
}
