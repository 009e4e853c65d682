package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cordon.command.device.DeviceTags;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The machine as the tag call leaves it, with Defender's field names; the full entity is GET /api/machines/{id}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MachineTagsResponse(
        String id,
        String computerDnsName,
        @Schema(nullable = true) String aadDeviceId,
        @Schema(description = "The device's tags, in the order they were added") List<String> machineTags) {

    static MachineTagsResponse of(DeviceTags tags) {
        return new MachineTagsResponse(tags.deviceId(), tags.computerDnsName(), tags.aadDeviceId(),
                tags.machineTags());
    }
}
