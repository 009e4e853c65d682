package dev.cordon.query.timeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record TimelineJson(
        @JsonProperty("machineId") String machineId,
        @JsonProperty("value") List<TimelineEntryJson> value) {
}
