package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.query.projection.DeviceEventProjection;
import dev.cordon.query.projection.RecordedEvent;
import dev.cordon.query.support.IntegrationTestSupport;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/machines/{id}/isolationoptions} over HTTP: the contract's JSON, and errors as for the device. */
class IsolationOptionsIT extends IntegrationTestSupport {

    @Autowired
    private DeviceEventProjection projection;

    private String register(OsPlatform platform, String build) {
        String device = newId("dev");
        projection.apply(new RecordedEvent(newId("evt"), 0,
                new DeviceRegisteredEvent(device, device + ".corp.example", platform, build, null, null,
                        RiskScore.None, ExposureLevel.None, at(0))));
        return device;
    }

    @Test
    void get_windows10Build15063_offersFullOnly_inTheContractsJson() throws Exception {
        String device = register(OsPlatform.Windows10, "15063");

        ResponseEntity<JsonNode> response = get("/api/machines/" + device + "/isolationoptions");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("@odata.context").asText()).endsWith("/api/$metadata#IsolationOptions/$entity");
        ((ObjectNode) body).remove("@odata.context");
        assertThat(body).isEqualTo(new ObjectMapper().readTree("""
                {"machineId": "%s", "osPlatform": "Windows10", "osBuild": "15063", "liveResponse": false,
                 "options": [
                   {"isolationType": "Full", "supported": true, "reason": null, "keptConnectedApplications": []},
                   {"isolationType": "Selective", "supported": false,
                    "reason": "OS Platform Windows10 isn't supported for this action: Selective isolation needs build 16299 (version 1709) or later, the device reports build 15063.",
                    "keptConnectedApplications": ["Outlook", "Microsoft Teams", "Skype for Business"]}]}
                """.formatted(device)));
    }

    @Test
    void get_macOs_pointsToLiveResponse() {
        JsonNode body = get("/api/machines/" + register(OsPlatform.macOS, null) + "/isolationoptions").getBody();

        assertThat(body.get("liveResponse").asBoolean()).isTrue();
        assertThat(body.get("osBuild").isNull()).isTrue();
        assertThat(body.at("/options/0/supported").asBoolean()).isFalse();
        assertThat(body.at("/options/1/reason").asText()).endsWith("Use live response to isolate macOS devices.");
    }

    @Test
    void get_whenUnknown_is404ResourceNotFound_asForTheDevice() {
        ResponseEntity<JsonNode> response = get("/api/machines/nope/isolationoptions");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ResourceNotFound");
        assertThat(response.getBody().at("/error/message").asText()).isEqualTo("Machine nope was not found");
    }

    @Test
    void get_whenIdInvalid_isTheErrorTheDeviceGets() {
        ResponseEntity<JsonNode> options = rawPath("/api/machines/a%2Fb/isolationoptions");
        ResponseEntity<JsonNode> machine = rawPath("/api/machines/a%2Fb");

        assertThat(options.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST).isEqualTo(machine.getStatusCode());
        assertThat(options.getBody().at("/error/code").asText()).isEqualTo("BadRequest")
                .isEqualTo(machine.getBody().at("/error/code").asText());
    }

    /** Sent as written: an encoded slash must reach the server encoded. */
    private ResponseEntity<JsonNode> rawPath(String path) {
        return rest.exchange(URI.create(baseUrl() + path), HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                JsonNode.class);
    }
}
