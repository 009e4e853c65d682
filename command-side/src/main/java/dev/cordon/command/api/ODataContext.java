package dev.cordon.command.api;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

public final class ODataContext {

    private ODataContext() {
    }

    static String of(String entitySet) {
        // '#' is appended after building: the builder would encode it as a fragment-less path character.
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/$metadata").toUriString()
                + "#" + entitySet;
    }

    public static String actionEntity() {
        return of("MachineActions/$entity");
    }
}
