package dev.cordon.command.web;

import dev.cordon.command.config.CordonProperties;
import dev.cordon.command.device.ActionRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Who is asking. The requestor is the authenticated principal when there is one; until authentication is
 * configured it is a fixed, honest label, never a value the caller could choose (an audit trail must not
 * record a name a client typed into a header).
 */
@Component
public class RequestOriginResolver {

    public static final String PUBLIC_API = "PublicApi";

    private final String unauthenticatedRequestor;
    private final Clock clock;

    public RequestOriginResolver(CordonProperties properties, Clock clock) {
        this.unauthenticatedRequestor = properties.api().unauthenticatedRequestor();
        this.clock = clock;
    }

    public ActionRequest actionRequest(HttpServletRequest http, String comment, String externalId) {
        return new ActionRequest(requestor(http), comment, PUBLIC_API, externalId, clock.instant());
    }

    public String requestor(HttpServletRequest http) {
        Principal principal = http.getUserPrincipal();
        return principal != null && principal.getName() != null ? principal.getName() : unauthenticatedRequestor;
    }
}
