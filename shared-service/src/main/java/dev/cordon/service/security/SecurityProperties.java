package dev.cordon.service.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the services check callers ({@code cordon.security.*}); each application.yml maps the environment variables.
 *
 * @param issuerUri         the token issuer: every token's {@code iss} must equal it, and its keys are found through its
 *                          OpenID discovery document ({@code {issuerUri}/.well-known/openid-configuration}) unless
 *                          {@code jwkSetUri} is set
 * @param jwkSetUri         where the issuer's signing keys are, when the services reach it at another address than
 *                          its public one (the standalone launcher points it at the token service's own port)
 * @param audiences         a token's {@code aud} must name one of these
 * @param clockSkew         how far {@code exp} and {@code nbf} may be off, for clocks that are not quite in step
 * @param agentMachineClaim the claim a device agent's token names its machine in
 * @param allowedHosts      the host names requests may be addressed to ({@code Host}); others are refused, which
 *                          defeats DNS rebinding. Loopback names are always allowed.
 * @param allowedOrigins    the origins a browser may send writes from ({@code Origin}); writes from another origin are
 *                          refused. The public base URL's origin is always allowed.
 */
@ConfigurationProperties("cordon.security")
public record SecurityProperties(
        String issuerUri,
        String jwkSetUri,
        List<String> audiences,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue(Claims.MACHINE_ID) String agentMachineClaim,
        List<String> allowedHosts,
        List<String> allowedOrigins) {

    public SecurityProperties {
        audiences = audiences == null || audiences.isEmpty() ? Audiences.DEFAULTS : List.copyOf(audiences);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
