package dev.cordon.service.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.TestService;
import dev.cordon.service.error.PublicErrorAutoConfiguration;
import java.util.UUID;
import dev.cordon.service.security.ApiSecurityAutoConfiguration;
import dev.cordon.service.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.MvcResult;

/** The one request-id rule as both services apply it: the answer header and the error's target are the same id. */
@WebMvcTest(controllers = TestService.Endpoints.class)
@ImportAutoConfiguration({RequestIdAutoConfiguration.class, PublicErrorAutoConfiguration.class,
        ApiSecurityAutoConfiguration.class})
class RequestIdWebMvcTest {

    @Autowired
    MockMvc mvc;

    @Test
    void safeId_isEchoed_andIsTheErrorsTarget() throws Exception {
        MvcResult result = mvc.perform(get("/api/refused").param("code", "Forbidden")
                .header(RequestIds.HEADER, "abc-123")).andExpect(status().isForbidden()).andReturn();
        assertThat(result.getResponse().getHeader(RequestIds.HEADER)).isEqualTo("abc-123");
        assertThat(target(result)).isEqualTo("abc-123");
    }

    @Test
    void unsafeId_isReplacedByANewUuid_inTheHeaderAndTheTargetAlike() throws Exception {
        MvcResult result = mvc.perform(get("/api/refused").param("code", "Forbidden")
                .header(RequestIds.HEADER, "abc def!")).andExpect(status().isForbidden()).andReturn();
        String answered = result.getResponse().getHeader(RequestIds.HEADER);
        assertThat(UUID.fromString(answered)).isNotNull();
        assertThat(target(result)).isEqualTo(answered);
    }

    @Test
    void noId_getsOne_onSuccessToo() throws Exception {
        MvcResult result = mvc.perform(get("/api/machines/m1/history")).andExpect(status().isOk()).andReturn();
        assertThat(UUID.fromString(result.getResponse().getHeader(RequestIds.HEADER))).isNotNull();
    }

    private static String target(MvcResult result) throws Exception {
        JsonNode body = new ObjectMapper().readTree(result.getResponse().getContentAsString());
        return body.path("error").path("target").asText();
    }

    /** A reader's token on every request: the slice runs with the services' security, as they do. */
    private static final String TOKEN = "Bearer " + TestIssuer.get().app("slice-test", "Machine.Read.All");

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path).header("Authorization", TOKEN);
    }
}
