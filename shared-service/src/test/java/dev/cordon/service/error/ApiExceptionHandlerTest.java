package dev.cordon.service.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.service.request.RequestIds;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest();

    @Test
    void serviceUnavailable_is503WithRetryAfterOneSecond() {
        request.addHeader(RequestIds.HEADER, "req-7");
        ResponseEntity<ErrorResponse> response = handler.api(
                new ApiException(ErrorCode.ServiceUnavailable, "Action a could not be looked up"), request);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody()).isEqualTo(
                ErrorResponse.of(ErrorCode.ServiceUnavailable, "Action a could not be looked up", "req-7"));
    }

    @Test
    void otherApiErrors_haveNoRetryAfter() {
        ResponseEntity<ErrorResponse> response = handler.api(
                new ApiException(ErrorCode.ResourceNotFound, "Action a was not found"), request);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}
