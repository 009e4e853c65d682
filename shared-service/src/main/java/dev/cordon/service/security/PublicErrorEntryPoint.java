package dev.cordon.service.security;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A refused caller gets the public error JSON, with the {@code WWW-Authenticate: Bearer} challenge Spring Security's
 * resource server writes (RFC 6750, with {@code error="invalid_token"} when a token was sent): 401 Unauthorized for no
 * token or one that fails validation, 403 Forbidden for a valid token without the permission. The message never
 * repeats the token or says which check it failed beyond what the challenge says.
 */
public class PublicErrorEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        ErrorWriter.write(request, response, ErrorCode.Unauthorized, request.getHeader("Authorization") == null
                ? "Send a bearer token: Authorization: Bearer <access token>."
                : "The bearer token is not valid (expired, not yet valid, for another issuer or audience, or not"
                        + " signed by the issuer).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        denial.handle(request, response, e);
        ErrorWriter.write(request, response, ErrorCode.Forbidden,
                "The token does not carry the permission this call needs (docs/security.md).");
    }
}
