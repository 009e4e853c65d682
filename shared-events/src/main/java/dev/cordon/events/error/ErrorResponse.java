package dev.cordon.events.error;

/** The public error body: {"error": {"code", "message", "target"}}. {@code target} is always present. */
public record ErrorResponse(Error error) {

    public record Error(String code, String message, String target) {
    }

    public static ErrorResponse of(ErrorCode code, String message, String target) {
        return new ErrorResponse(new Error(code.name(), message, target));
    }
}
