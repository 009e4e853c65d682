package dev.cordon.service.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cordon.service.TestService;
import dev.cordon.service.request.RequestIdAutoConfiguration;
import dev.cordon.service.request.RequestIds;
import dev.cordon.service.security.ApiSecurityAutoConfiguration;
import dev.cordon.service.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The one error mapping of both services, as a web slice: no database, no broker. */
@WebMvcTest(controllers = TestService.Endpoints.class)
@ExtendWith(OutputCaptureExtension.class)
@ImportAutoConfiguration({RequestIdAutoConfiguration.class, PublicErrorAutoConfiguration.class,
        ApiSecurityAutoConfiguration.class})
class PublicErrorsWebMvcTest {

    @Autowired
    MockMvc mvc;

    @Test
    void apiException_isAnsweredWithItsCodeAndStatus_andTheRequestIdAsTarget() throws Exception {
        mvc.perform(get("/api/refused").param("code", "ActiveRequestAlreadyExists").header(RequestIds.HEADER, "req-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().string(RequestIds.HEADER, "req-1"))
                .andExpect(jsonPath("$.error.code").value("ActiveRequestAlreadyExists"))
                .andExpect(jsonPath("$.error.message").value("Refused with ActiveRequestAlreadyExists"))
                .andExpect(jsonPath("$.error.target").value("req-1"));
    }

    @Test
    void serviceUnavailable_carriesRetryAfter_otherErrorsDoNot() throws Exception {
        mvc.perform(get("/api/refused").param("code", "ServiceUnavailable"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"));
        mvc.perform(get("/api/refused").param("code", "ResourceNotFound"))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @Test
    void unexpectedFailure_is500NamingNoInternals() throws Exception {
        mvc.perform(get("/api/broken").header(RequestIds.HEADER, "req-2"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error.code").value("InternalServerError"))
                .andExpect(jsonPath("$.error.message").value(not(containsString("postgresql"))))
                .andExpect(jsonPath("$.error.target").value("req-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection", "transaction", "shutdown", "timeout", "broker"})
    void dependencyAway_is503WithRetryAfter_inThePublicShape(String dependency, CapturedOutput log) throws Exception {
        mvc.perform(get("/api/away").param("dependency", dependency).header(RequestIds.HEADER, "req-9"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error.code").value("ServiceUnavailable"))
                .andExpect(jsonPath("$.error.message").value(containsString("retry")))
                .andExpect(jsonPath("$.error.target").value("req-9"));
        // expected during an outage: one line, no stack trace
        assertThat(log.getOut()).contains("WARN").contains("answered 503").doesNotContain("\tat ");
    }

    /** A browser leaving /api/changes was an ERROR with a broken-pipe stack trace: it is no error at all. */
    @Test
    void aClientThatLeft_isNoError_andLeavesNoStackTrace(CapturedOutput log) throws Exception {
        mvc.perform(get("/api/left"));
        assertThat(log.getOut()).doesNotContain("ERROR").doesNotContain("Broken pipe").doesNotContain("\tat ");
    }

    @Test
    void aDatabaseThatAnswered_withAnErrorNoRetryCures_isStill500() throws Exception {
        mvc.perform(get("/api/away").param("dependency", "unique-violation"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.error.code").value("InternalServerError"));
    }

    @Test
    void unknownPath_isNotFoundJson() throws Exception {
        mvc.perform(get("/api/nothing-here").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error.code").value("NotFound"));
    }

    @Test
    void wrongMethod_is405WithAllow() throws Exception {
        mvc.perform(put("/api/machines/m1/history"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("GET")))
                .andExpect(jsonPath("$.error.code").value("MethodNotAllowed"));
    }

    @Test
    void body_whenNotJson_orWronglyCased_isInvalidRequestBodyOrUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/body").contentType(MediaType.APPLICATION_JSON).content("{\"Comment\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("InvalidRequestBody"))
                .andExpect(jsonPath("$.error.message").value(containsString("not valid JSON")));
        mvc.perform(post("/api/body").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error.code").value("UnsupportedMediaType"));
    }

    @Test
    void badParameter_isInvalidInput_missingOne_isMissingRequiredParameter() throws Exception {
        mvc.perform(get("/api/refused").param("code", "NoSuchCode"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("InvalidInput"));
        mvc.perform(get("/api/refused"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("MissingRequiredParameter"));
    }

    /** A reader's token on every request: the slice runs with the services' security, as they do. */
    private static final String TOKEN = "Bearer " + TestIssuer.get().app("slice-test", "Machine.Read.All");

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path).header("Authorization", TOKEN);
    }

    private static MockHttpServletRequestBuilder post(String path) {
        return MockMvcRequestBuilders.post(path).header("Authorization", TOKEN);
    }

    private static MockHttpServletRequestBuilder put(String path) {
        return MockMvcRequestBuilders.put(path).header("Authorization", TOKEN);
    }
}
