package dev.cordon.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** An OData collection response: {@code {"@odata.context": ..., "value": [...]}}. */
@JsonPropertyOrder({"@odata.context", "value"})
public record ODataCollection<T>(
        @JsonProperty("@odata.context") String odataContext,
        @JsonProperty("value") List<T> value) {
}
