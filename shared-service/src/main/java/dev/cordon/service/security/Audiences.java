package dev.cordon.service.security;

import java.util.List;

/**
 * The audiences a token for Cordon may be issued to: Cordon's own resource id, and the three Defender resource ids
 * that Defender clients ask a token for. The token service issues to these and the services accept these, unless
 * configured otherwise.
 */
public final class Audiences {

    public static final String CORDON = "api://cordon";
    public static final List<String> DEFAULTS = List.of(CORDON,
            "https://api.securitycenter.microsoft.com",
            "https://api.security.microsoft.com",
            "https://api.securitycenter.windows.com");

    private Audiences() {
    }
}
