package dev.cordon.command.agent;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.api.CommandSender;
import dev.cordon.command.device.AgentReportedStatus;
import dev.cordon.command.device.ReportActionStatusCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Turns an agent's report on an action into its command, the one way for the agent endpoint and the simulated
 * agent alike, so a simulated report is stored exactly as a real one would be.
 */
@Component
public class AgentReports {

    public static final String AGENT_SOURCE = "DeviceAgent";

    private final CommandSender commands;
    private final Clock clock;

    public AgentReports(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** A device agent's report over HTTP, with the request's ids. @return the action as the report left it */
    public ActionRecord reportOverHttp(ActionRecord action, AgentReportedStatus status, int errorHResult,
                                       HttpServletRequest http, String requestor) {
        return commands.send(new ReportActionStatusCommand(action.deviceId(), action.actionId(), status, errorHResult,
                clock.instant()), http, requestor, AGENT_SOURCE);
    }

    /** A report from inside the service (the simulated agent). */
    public void report(ActionRecord action, AgentReportedStatus status, int errorHResult, String requestId,
                       String requestor) {
        commands.send(new ReportActionStatusCommand(action.deviceId(), action.actionId(), status, errorHResult,
                clock.instant()), requestId, requestor, AGENT_SOURCE);
    }
}
