package dev.cordon.query.dashboard.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.web.RedirectStrategy;

/**
 * Where sign-out sends the browser (the provider's end-session URI). The page signs out with fetch, because its
 * policy ({@code form-action 'none'}) allows no form, and fetch cannot follow a redirect to another origin: asked
 * for JSON, the answer names the address for the page to go to; otherwise it is the redirect itself.
 */
class SignOutAnswer implements RedirectStrategy {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(JSON.writeValueAsString(Map.of("location", url)));
            return;
        }
        response.sendRedirect(url);
    }
}
