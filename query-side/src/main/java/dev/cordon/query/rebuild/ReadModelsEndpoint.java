package dev.cordon.query.rebuild;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/readmodels}: GET reports the running or last rebuild; POST {@code {"source", "mode"}} starts
 * one. An actuator endpoint, not an {@code /api} path: it stays on this service's own port, outside the one-base-URL
 * routing (which sends every non-GET {@code /api} request to the command side), and is secured with the actuator.
 */
@Component
@Endpoint(id = "readmodels")
public class ReadModelsEndpoint {

    private final ReadModelRebuild rebuild;

    public ReadModelsEndpoint(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ReadOperation
    public RebuildStatus status() {
        return rebuild.status();
    }

    /**
     * @param source {@code auto} (the default for a switch), {@code kafka} or {@code event-store} (the default for a
     *               verification)
     * @param mode   {@code switch} (the rebuilt read models replace the live ones) or {@code verify} (compare only;
     *               the live read models stay). Required: replacing the live read models is never a default, and a
     *               body such as {@code {"switch": false}} (the actuator ignores keys it does not know) must not
     *               turn into a switch.
     * @return 202 with the new rebuild's status
     */
    @WriteOperation
    public WebEndpointResponse<RebuildStatus> start(@Nullable String source, @Nullable String mode) {
        RebuildSource asked = source == null ? null : RebuildSource.of(source).orElseThrow(() ->
                invalid("source", source, Arrays.stream(RebuildSource.values()).map(RebuildSource::value)));
        if (mode == null) {
            throw new ApiException(ErrorCode.MissingRequiredParameter, "mode is required: one of "
                    + Arrays.stream(RebuildMode.values()).map(RebuildMode::value).collect(Collectors.joining(", ")));
        }
        RebuildMode what = RebuildMode.of(mode).orElseThrow(() ->
                invalid("mode", mode, Arrays.stream(RebuildMode.values()).map(RebuildMode::value)));
        // A verification checks the read models against the record, the event store, unless told otherwise: checked
        // against the topic it would find a read model that agrees with forged records on it "equal".
        RebuildSource from = asked != null ? asked
                : what == RebuildMode.VERIFY ? RebuildSource.EVENT_STORE : RebuildSource.AUTO;
        try {
            return new WebEndpointResponse<>(rebuild.start(from, what), 202);
        } catch (RebuildAlreadyRunningException e) {
            // Defender's answer to a request whose like is already in progress.
            throw new ApiException(ErrorCode.ActiveRequestAlreadyExists, e.getMessage());
        }
    }

    /** Control characters in the echoed value are replaced, so that it cannot forge log lines. */
    private static ApiException invalid(String name, String value, Stream<String> allowed) {
        return new ApiException(ErrorCode.InvalidInput, "Invalid " + name + " '" + value.replaceAll("\\p{Cntrl}", "?")
                + "': one of " + allowed.collect(Collectors.joining(", ")));
    }
}
