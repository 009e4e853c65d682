package dev.cordon.command.web;

import dev.cordon.command.device.ActionRequest;
import dev.cordon.service.security.CallerIdentity;
import dev.cordon.service.security.DeviceScope;
import java.time.Clock;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is asking: the caller the validated bearer token names (CallerIdentity), never a value the request carries in a
 * header or body, so the audit trail records who the issuer vouched for.
 */
@Component
public class RequestOriginResolver {

    public static final String PUBLIC_API = "PublicApi";

    private final Clock clock;

    public RequestOriginResolver(Clock clock) {
        this.clock = clock;
    }

    public ActionRequest actionRequest(String comment, String externalId) {
        return new ActionRequest(caller().requestor(), comment, PUBLIC_API, externalId, clock.instant());
    }

    /** The authenticated caller; every endpoint that records a requestor requires one (EndpointPermissions). */
    public CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(SecurityContextHolder.getContext().getAuthentication());
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller: the endpoint is missing from the access matrix");
        }
        return caller;
    }

    /** The device groups the caller covers (CallerIdentity.scopeOf): every group for a token that is not limited. */
    public DeviceScope scope() {
        return caller().scope();
    }

    public String requestor() {
        return caller().requestor();
    }
}
