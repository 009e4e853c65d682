package dev.cordon.identity;

import dev.cordon.service.security.Audiences;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in token service ({@code cordon.identity.*}); application.yml maps the environment variables.
 *
 * @param directory     where the clients, signing keys and tenant id are kept (owner-only)
 * @param publicBaseUrl the base URL clients reach Cordon at: the issuer is {@code {publicBaseUrl}/{tenant}/v2.0}
 * @param tenantId      the {@code {tenant}} of the token URLs; unset: a GUID made on first start and kept
 * @param tokenLifetime how long an access token is valid
 * @param audiences     the resource ids a token may be asked for ({@code resource}, or {@code scope=<id>/.default})
 */
@ConfigurationProperties("cordon.identity")
public record IdentityProperties(
        @DefaultValue("data/identity") Path directory,
        @DefaultValue("http://127.0.0.1:8080") String publicBaseUrl,
        String tenantId,
        @DefaultValue("1h") Duration tokenLifetime,
        List<String> audiences) {

    public IdentityProperties {
        audiences = audiences == null || audiences.isEmpty() ? Audiences.DEFAULTS : List.copyOf(audiences);
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }
}
