package dev.cordon.command.api;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.idempotency.Idempotency;
import dev.cordon.service.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the request's audit metadata (request id, requestor, source), which Axon copies onto
 * every event the command causes. A command for a device that was never registered is a rule broken like any other.
 */
@Component
public class CommandSender {

    /** The server's own id of the request (never a caller's choice, so unique per call). */
    public static final String REQUEST_ID = "requestId";
    /** The caller's {@code X-Request-ID}, when it sent a usable one: for finding a playbook's call. */
    public static final String CALLER_REQUEST_ID = "callerRequestId";
    public static final String REQUESTOR = "requestor";
    public static final String REQUEST_SOURCE = "requestSource";

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, HttpServletRequest http, String requestor, String requestSource) {
        return send(command, RequestIds.serverId(http), RequestIds.callerId(http), requestor, requestSource, null);
    }

    /** @param idempotency the request's claim on its Idempotency-Key, stored with the action (null: none) */
    public <R> R send(Object command, HttpServletRequest http, String requestor, String requestSource,
                      Idempotency idempotency) {
        return send(command, RequestIds.serverId(http), RequestIds.callerId(http), requestor, requestSource,
                idempotency);
    }

    /** For commands that come from inside the service (demo seeding, the simulated agent), not from a request. */
    public <R> R send(Object command, String requestId, String requestor, String requestSource) {
        return send(command, requestId, null, requestor, requestSource, null);
    }

    /**
     * For commands a request caused but that are sent after it was answered (a bulk's targets): with that request's
     * ids, so that each target's events name the request as a single command's do.
     */
    public <R> R send(Object command, String requestId, String callerRequestId, String requestor,
                      String requestSource) {
        return send(command, requestId, callerRequestId, requestor, requestSource, null);
    }

    private <R> R send(Object command, String requestId, String callerRequestId, String requestor,
                       String requestSource, Idempotency idempotency) {
        Map<String, Object> audit = new HashMap<>(Map.of(REQUEST_ID, requestId, REQUESTOR, requestor,
                REQUEST_SOURCE, requestSource));
        if (callerRequestId != null) {
            audit.put(CALLER_REQUEST_ID, callerRequestId);
        }
        if (idempotency != null) {
            // The command's only: not among the metadata copied onto events (AxonConfig.auditMetadataProvider).
            audit.putAll(idempotency.metaData());
        }
        MetaData metaData = MetaData.from(audit);
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw RuleViolationException.unknownMachine(String.valueOf(e.getAggregateIdentifier()));
        }
    }
}
