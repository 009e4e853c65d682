package dev.cordon.command.bulk;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the command side reaches the query side (a bulk's Filter is resolved there, with the caller's token).
 *
 * @param url     its base URL, on the internal network (not the public base URL's gateway)
 * @param timeout how long one page of the answer may take before the bulk request is answered 503
 */
@ConfigurationProperties(prefix = "cordon.query-side")
public record QuerySideProperties(URI url, Duration timeout) {
}
