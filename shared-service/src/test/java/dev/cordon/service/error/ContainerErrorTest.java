package dev.cordon.service.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import org.junit.jupiter.api.Test;

class ContainerErrorTest {

    @Test
    void of_mapsTheStatusToItsPublicCode() {
        assertThat(ContainerError.of(400).code()).isEqualTo(ErrorCode.BadRequest);
        assertThat(ContainerError.of(404).code()).isEqualTo(ErrorCode.NotFound);
        assertThat(ContainerError.of(405).code()).isEqualTo(ErrorCode.MethodNotAllowed);
        assertThat(ContainerError.of(503).code()).isEqualTo(ErrorCode.ServiceUnavailable);
        assertThat(ContainerError.of(418).code()).isEqualTo(ErrorCode.BadRequest);
        assertThat(ContainerError.of(502).code()).isEqualTo(ErrorCode.InternalServerError);
    }

    @Test
    void of_saysNothingAboutTheCause() {
        assertThat(ContainerError.of(400).message()).isEqualTo("The request could not be served");
        assertThat(ContainerError.of(500).message()).isEqualTo("An unexpected error occurred");
        assertThat(ContainerError.of(404).response("req-1").error())
                .isEqualTo(new ErrorResponse.Error("NotFound",
                        "The request could not be served", "req-1"));
    }
}
