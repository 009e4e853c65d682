package dev.cordon.command.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.IntegrationTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event store from before {@code device_aliases}: its devices become findable by their aadDeviceId on the first
 * start that finds the table empty, each with the AAD id of its last registration.
 */
class DeviceAliasBackfillIT extends IntegrationTestSupport {

    @Autowired
    private DeviceAliasBackfill backfill;

    @Test
    void devicesRegisteredBeforeTheTable_areEnteredFromTheEventStore_withTheirLatestAadId() {
        HttpApi api = api();
        String id = "backfill-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String latest = UUID.randomUUID().toString();
        register(api, id, first);
        register(api, id, latest);
        jdbc.update("delete from device_aliases");
        assertThat(api.isolate(latest, "Full").status()).as("not yet known by its AAD id").isEqualTo(404);

        backfill.run(null);

        assertThat(jdbc.queryForObject("select aad_device_id from device_aliases where device_id = ?", String.class,
                id)).isEqualTo(latest);
        assertThat(api.isolate(first, "Full").status()).as("an AAD id it no longer has").isEqualTo(404);
        HttpApi.Response isolated = api.isolate(latest, "Full");
        assertThat(isolated.status()).as(isolated.raw()).isEqualTo(201);
        assertThat(isolated.body().get("machineId").asText()).isEqualTo(id);
    }

    private static void register(HttpApi api, String id, String aad) {
        assertThat(api.put("/api/machines/" + id, "{\"computerDnsName\":\"backfill-host\",\"osPlatform\":\"Windows11\","
                + "\"osBuild\":\"22631\",\"aadDeviceId\":\"" + aad + "\"}").status()).isIn(200, 201);
    }
}
