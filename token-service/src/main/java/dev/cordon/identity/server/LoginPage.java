package dev.cordon.identity.server;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: one server-rendered form, no script and nothing loaded from elsewhere, so its content security
 * policy allows nothing but its own style (by hash) and a form posted back here. A failed attempt says so in one
 * sentence that does not tell a wrong name from a wrong password.
 */
@RestController
class LoginPage {

    static final String FAILED = "The user name or password is not correct.";
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;"
            + "padding:0 1rem}label,input,button{display:block;width:100%;box-sizing:border-box}"
            + "input{margin:.25rem 0 1rem;padding:.5rem}button{padding:.6rem}p.error{color:#a00}";
    static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final Tenant tenant;

    LoginPage(Tenant tenant) {
        this.tenant = tenant;
    }

    @GetMapping(path = "/{tenant}/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable("tenant") String tenantId, HttpServletRequest request) {
        if (!tenant.id().equals(tenantId)) {
            return ResponseEntity.notFound().build();
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in to Cordon</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                <h1>Sign in to Cordon</h1>
                %s<form method="post" action="%s">
                <label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" autocapitalize="none" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button id="sign-in" type="submit">Sign in</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(STYLE, failed ? "<p class=\"error\" role=\"alert\">" + FAILED + "</p>\n" : "",
                HtmlUtils.htmlEscape(tenant.loginPath()), HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                .body(html);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
