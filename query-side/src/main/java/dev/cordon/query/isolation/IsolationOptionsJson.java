package dev.cordon.query.isolation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.eligibility.EligibilityTable;
import dev.cordon.query.machine.MachineView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What an isolate dialog may offer for one device, judged by the shared table on the device's reported OS. */
@JsonPropertyOrder({"@odata.context", "machineId", "osPlatform", "osBuild", "liveResponse", "options"})
public record IsolationOptionsJson(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String odataContext,
        @JsonProperty("machineId") String machineId,
        @JsonProperty("osPlatform") OsPlatform osPlatform,
        @Schema(nullable = true) @JsonProperty("osBuild") String osBuild,
        @JsonProperty("liveResponse") boolean liveResponse,
        @JsonProperty("options") List<IsolationOptionJson> options) {

    /** Always Full, then Selective, so a dialog can lay them out without sorting. */
    private static final List<IsolationType> ORDER = List.of(IsolationType.Full, IsolationType.Selective);

    static IsolationOptionsJson of(MachineView machine, EligibilityTable table, String odataContext) {
        List<IsolationOptionJson> options = ORDER.stream().map(type -> {
            String reason = table.refusal(machine.osPlatform(), machine.osBuild(), type).orElse(null);
            return new IsolationOptionJson(type, reason == null, reason, table.keptConnectedApplications(type));
        }).toList();
        return new IsolationOptionsJson(odataContext, machine.id(), machine.osPlatform(), machine.osBuild(),
                table.isLiveResponsePlatform(machine.osPlatform()), options);
    }
}
