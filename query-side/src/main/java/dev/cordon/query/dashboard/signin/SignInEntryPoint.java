package dev.cordon.query.dashboard.signin;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The dashboard's calls refused, in the public error JSON: 401 when nobody is signed in (the page then goes to
 * sign-in), 403 for a write without the session's CSRF token, and a failed sign-in said in plain words.
 */
class SignInEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    static final String SIGNED_OUT = "Not signed in, or the session has ended: sign in again at"
            + " /oauth2/authorization/cordon.";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        ErrorWriter.write(request, response, ErrorCode.Unauthorized, SIGNED_OUT);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ErrorWriter.write(request, response, ErrorCode.Forbidden, e instanceof CsrfException
                ? "The dashboard's writes need the session's CSRF token in the header GET /dashboard/session names."
                : "Not allowed.");
    }

    /** The provider refused, or the answer did not match the request (state, nonce, PKCE): nobody is signed in. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        ErrorWriter.write(request, response, ErrorCode.Unauthorized, "Sign-in failed; nobody is signed in."
                + " Start again at /devices.");
    }
}
