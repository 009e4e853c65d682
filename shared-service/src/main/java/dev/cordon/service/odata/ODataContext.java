package dev.cordon.service.odata;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds {@code @odata.context} URLs from the address the client used (forwarded headers honoured if enabled). */
public final class ODataContext {

    private ODataContext() {
    }

    /** @param fragment e.g. {@code MachineActions} or {@code MachineActions/$entity} */
    public static String of(String fragment) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/api/$metadata#" + fragment;
    }
}
