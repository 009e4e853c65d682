package dev.cordon.standalone.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.standalone.identity.TokenClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The registered devices, read the way a user would: {@code GET /api/machines} through the base URL. So the
 * start-up message also proves the whole path (gateway, query side, Kafka, command side) works.
 */
public final class DeviceList {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DeviceList() {
    }

    /**
     * @param expectSome the demo devices are being seeded: wait until they have reached the read model, i.e. the
     *                   list is not empty and did not grow during the last second
     */
    public static List<DemoDevice> read(URI baseUrl, TokenClient token, boolean expectSome, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<DemoDevice> previous = List.of();
        while (true) {
            List<DemoDevice> devices = readOnce(baseUrl, token);
            boolean settled = !devices.isEmpty() && devices.size() == previous.size();
            if (!expectSome || settled || Instant.now().isAfter(deadline)) {
                return devices;
            }
            previous = devices;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return devices;
            }
        }
    }

    private static List<DemoDevice> readOnce(URI baseUrl, TokenClient token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUrl.resolve("/api/machines"))
                    .header("Authorization", token.authorization()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<DemoDevice> devices = new ArrayList<>();
            for (JsonNode machine : JSON.readTree(response.body()).path("value")) {
                devices.add(new DemoDevice(machine.path("id").asText(), machine.path("computerDnsName").asText(""),
                        machine.path("osPlatform").asText("")));
            }
            return devices;
        } catch (IOException | RuntimeException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
