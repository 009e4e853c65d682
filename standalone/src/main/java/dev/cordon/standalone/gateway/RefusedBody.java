package dev.cordon.standalone.gateway;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A request body the gateway will not pass on: too large (413), or too slow to arrive (408). */
final class RefusedBody extends RuntimeException {

    private final ErrorCode code;

    private RefusedBody(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static RefusedBody tooLarge(long limit) {
        return new RefusedBody(ErrorCode.PayloadTooLarge, "The request body is larger than " + limit + " bytes");
    }

    static RefusedBody tooSlow(long seconds) {
        return new RefusedBody(ErrorCode.RequestTimeout,
                "The request body did not arrive within " + seconds + " s");
    }

    ErrorCode code() {
        return code;
    }

    /** The rest of the body is not read, so the connection cannot carry another request: it is closed. */
    void answer(HttpServletResponse response, String requestId) throws IOException {
        response.setHeader("Connection", "close");
        ErrorWriter.write(response, code, getMessage(), requestId, 0);
    }
}
