package dev.cordon.query.dashboard.signin;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.PublicErrors;
import dev.cordon.service.security.CallerIdentity;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.security.Permission;
import dev.cordon.service.security.TokenAuthorities;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, as the API will see them: the session's access token read with the services' own decoder and
 * {@link TokenAuthorities}, so that the roles, permissions and device groups the page shows are the ones the API
 * applies. With the CSRF token the page's writes must carry. Never the access token itself.
 */
@RestController
@Hidden
@Conditional(SignInConfigured.class)
class SessionController {

    private final SessionTokens tokens;
    private final JwtDecoder decoder;
    private final TokenAuthorities authorities;

    SessionController(SessionTokens tokens, JwtDecoder decoder, TokenAuthorities authorities) {
        this.tokens = tokens;
        this.decoder = decoder;
        this.authorities = authorities;
    }

    /** @return userName, roles, permissions, deviceGroups (null: every group) and csrf */
    @GetMapping("/dashboard/session")
    ResponseEntity<?> session(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf) {
        Optional<String> token = tokens.accessToken(request, response);
        if (token.isEmpty()) {
            return PublicErrors.answer(ErrorCode.Unauthorized, SignInEntryPoint.SIGNED_OUT, request);
        }
        AbstractAuthenticationToken caller;
        try {
            caller = authorities.convert(decoder.decode(token.get()));
        } catch (JwtException refused) {
            // Refused as the API would refuse it (expired beyond refreshing, keys rotated away): sign in again.
            return PublicErrors.answer(ErrorCode.Unauthorized, SignInEntryPoint.SIGNED_OUT, request);
        }
        CallerIdentity identity = CallerIdentity.of(caller);
        List<String> permissions = caller.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> Permission.ofClaimValue(a).isPresent()).sorted().toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userName", identity.requestor());
        body.put("roles", identity.roles().stream().sorted().map(CordonRole::displayName).toList());
        body.put("permissions", permissions);
        body.put("deviceGroups", identity.scope().all() ? null : identity.scope().groups().stream().sorted().toList());
        body.put("csrf", Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
