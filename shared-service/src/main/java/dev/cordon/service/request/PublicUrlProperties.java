package dev.cordon.service.request;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl the base URL clients reach Cordon at ({@code cordon.public-base-url}): the links Cordon writes
 *                      ({@code @odata.context}) start with it, whatever Host a request named, and its host is one the
 *                      services answer to
 */
@ConfigurationProperties("cordon")
public record PublicUrlProperties(@DefaultValue("http://127.0.0.1:8080") String publicBaseUrl) {

    public PublicUrlProperties {
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        URI uri = URI.create(publicBaseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("cordon.public-base-url must be an absolute URL such as"
                    + " https://cordon.example.com, not '" + publicBaseUrl + "'");
        }
    }

    public URI uri() {
        return URI.create(publicBaseUrl);
    }

    /** As a browser sends it in {@code Origin}: scheme, host and a port that is not the scheme's default. */
    public String origin() {
        URI uri = uri();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
