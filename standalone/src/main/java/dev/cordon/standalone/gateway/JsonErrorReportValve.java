package dev.cordon.standalone.gateway;

import dev.cordon.events.error.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat rejects some requests (an illegal character, an encoded '/') before the gateway sees them, with an
 * HTML page naming its version. Those get the public error JSON too.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String requestId = RequestIds.of(request.getHeader(RequestIds.HEADER));
        ErrorCode code = status == 400 ? ErrorCode.BadRequest : Arrays.stream(ErrorCode.values())
                .filter(c -> c.httpStatus() == status).findFirst()
                .orElse(status >= 500 ? ErrorCode.InternalServerError : ErrorCode.BadRequest);
        String message = status >= 500 ? "An unexpected error occurred" : "The request could not be served";
        try {
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(PublicErrors.json(code, message, requestId));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed
        }
    }
}
