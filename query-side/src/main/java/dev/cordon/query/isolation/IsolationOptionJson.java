package dev.cordon.query.isolation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.IsolationType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One isolation type for one device: whether the command side would accept it, and if not, its words why. */
@JsonPropertyOrder({"isolationType", "supported", "reason", "keptConnectedApplications"})
public record IsolationOptionJson(
        @JsonProperty("isolationType") IsolationType isolationType,
        @JsonProperty("supported") boolean supported,
        @Schema(nullable = true) @JsonProperty("reason") String reason,
        @JsonProperty("keptConnectedApplications") List<String> keptConnectedApplications) {
}
