package dev.cordon.command.api;

import dev.cordon.command.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the request's audit metadata (request id, requestor, source), which Axon copies onto
 * every event the command causes.
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
        return send(command, CorrelationIdFilter.of(http), requestor, requestSource);
    }

    /** For commands that come from inside the service (demo seeding, the simulated agent), not from a request. */
    public <R> R send(Object command, String requestId, String requestor, String requestSource) {
        MetaData metaData = MetaData.from(Map.of(
                REQUEST_ID, requestId,
                REQUESTOR, requestor,
                REQUEST_SOURCE, requestSource));
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
