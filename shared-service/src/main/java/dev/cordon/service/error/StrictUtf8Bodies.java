package dev.cordon.service.error;

import dev.cordon.events.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A JSON body must be valid UTF-8 before Jackson reads it: Jackson decodes some invalid sequences leniently (the
 * overlong {@code C0 AF} as '/'), and what an event stores must be what the caller sent. An invalid body is 400
 * InvalidRequestBody, naming the first bad byte's position, and nothing is done with it.
 */
@ControllerAdvice
public class StrictUtf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        requireUtf8(body);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** Java's decoder refuses overlong forms, encoded surrogates and truncated sequences, as RFC 3629 says. */
    static void requireUtf8(byte[] body) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CharBuffer chars = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = strict.decode(bytes, chars, true);
            if (result.isError()) {
                throw new ApiException(ErrorCode.InvalidRequestBody, "The body is not valid UTF-8 (at byte "
                        + bytes.position() + ").");
            }
            if (result.isUnderflow()) {
                if (strict.flush(chars).isError()) {
                    throw new ApiException(ErrorCode.InvalidRequestBody, "The body is not valid UTF-8 (at its end).");
                }
                return;
            }
            chars.clear();
        }
    }
}
