package dev.cordon.query.changes;

import dev.cordon.service.security.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/** {@code GET /api/changes}: a server-sent event stream that tells a dashboard what to refetch. */
@RestController
@Tag(name = "Changes")
public class ChangesController {

    private final ChangeSubscribers subscribers;

    public ChangesController(ChangeSubscribers subscribers) {
        this.subscribers = subscribers;
    }

    @GetMapping("/api/changes")
    @Operation(summary = "A live feed of read-model changes",
            description = "A text/event-stream: first `ready`, then a `change` event"
                    + " ({\"machineId\", \"actionId\" or null, \"eventType\"}) for every event projected, sent once"
                    + " the read models show it, from whichever instance projected it; `reset` when the read models"
                    + " were replaced or changes may have been missed (refetch everything); a `: keepalive` comment"
                    + " line when idle. Changes while disconnected are not replayed: refetch on every `ready`. Only"
                    + " changes of devices in the caller's device groups are sent, and a device's move out of them.")
    @ApiResponse(responseCode = "200", description = "The stream; it stays open",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "503", description = "This instance serves as many streams as it takes"
            + " (ServiceUnavailable); retry")
    public ResponseEntity<ResponseBodyEmitter> changes(@Parameter(hidden = true) Authentication caller) {
        return ResponseEntity.ok()
                .contentType(SseFrames.STREAM)
                .cacheControl(CacheControl.noStore())
                // Whatever proxy sits in front must pass each event on at once.
                .header("X-Accel-Buffering", "no")
                .body(subscribers.subscribe(CallerIdentity.scopeOf(caller)));
    }
}
