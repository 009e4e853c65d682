package dev.cordon.events.error;

/** The public error codes of the Defender machine-actions API, with the HTTP status each is answered with. */
public enum ErrorCode {
    BadRequest(400),
    ODataError(400),
    InvalidInput(400),
    InvalidRequestBody(400),
    MissingRequiredParameter(400),
    OsPlatformNotSupported(400),
    ActiveRequestAlreadyExists(400),
    DeviceNotIsolated(400),
    InvalidActionState(400),
    Unauthorized(401),
    Forbidden(403),
    DisallowedOperation(403),
    NotFound(404),
    ResourceNotFound(404),
    MethodNotAllowed(405),
    NotAcceptable(406),
    RequestTimeout(408),
    PayloadTooLarge(413),
    UnsupportedMediaType(415),
    TooManyRequests(429),
    InternalServerError(500),
    ServiceUnavailable(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
