package dev.cordon.service.routing;

/** Where a request on the base URL goes. */
public enum Route {
    COMMAND_SIDE("command side"),
    QUERY_SIDE("query side"),
    /** The services' actuators stay on their own ports. */
    NOT_ROUTED("launcher");

    private final String description;

    Route(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
