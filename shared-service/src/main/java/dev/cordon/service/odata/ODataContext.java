package dev.cordon.service.odata;

import dev.cordon.service.request.PublicUrlProperties;

/**
 * Builds {@code @odata.context} URLs from the configured public base URL ({@code cordon.public-base-url}), never from
 * the Host a request named: a link Cordon writes must not point wherever a caller's Host header says.
 */
public final class ODataContext {

    private static volatile String base = new PublicUrlProperties("http://127.0.0.1:8080").publicBaseUrl();

    private ODataContext() {
    }

    /** Set once at start from the configuration (ODataAutoConfiguration). */
    static void baseUrl(String publicBaseUrl) {
        base = publicBaseUrl;
    }

    /** @param fragment e.g. {@code MachineActions} or {@code MachineActions/$entity} */
    public static String of(String fragment) {
        return base + "/api/$metadata#" + fragment;
    }
}
