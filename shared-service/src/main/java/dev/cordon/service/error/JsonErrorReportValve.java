package dev.cordon.service.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.request.RequestIds;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat answers a few malformed requests (an encoded '/' in the path, an illegal character) before any servlet or
 * filter runs, with an HTML page naming its version. This valve, in place of Tomcat's, gives those the public error
 * JSON and the request id too, on every Cordon port ({@link JsonErrorValveCustomizer} installs it).
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        String requestId = RequestIds.of(request.getRequest());
        try {
            String json = MAPPER.writeValueAsString(ContainerError.of(status).response(requestId));
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed: nothing more to say.
        }
    }
}
