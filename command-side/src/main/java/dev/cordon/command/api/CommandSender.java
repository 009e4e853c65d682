package dev.cordon.command.api;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
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

    public static final String REQUEST_ID = "requestId";
    public static final String REQUESTOR = "requestor";
    public static final String REQUEST_SOURCE = "requestSource";

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, HttpServletRequest http, String requestor, String requestSource) {
        return send(command, RequestIds.of(http), requestor, requestSource);
    }

    /** For commands that come from inside the service (demo seeding, the simulated agent), not from a request. */
    public <R> R send(Object command, String requestId, String requestor, String requestSource) {
        MetaData metaData = MetaData.from(Map.of(
                REQUEST_ID, requestId,
                REQUESTOR, requestor,
                REQUEST_SOURCE, requestSource));
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw new RuleViolationException(ErrorCode.ResourceNotFound,
                    "Machine " + e.getAggregateIdentifier() + " was not found.");
        }
    }
}
