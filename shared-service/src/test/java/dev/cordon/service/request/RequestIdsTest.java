package dev.cordon.service.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"req-123_abc.def:9", "6f1c2d3e-0000-4000-8000-000000000001", "a"})
    void decide_whenTheCallersIdIsSafe_keepsIt(String given) {
        assertThat(RequestIds.decide(given)).isEqualTo(given);
    }

    /** Never repaired: "abc def!" is not the caller's "abcdef", and a repaired id would differ between services. */
    @ParameterizedTest
    @ValueSource(strings = {"abc def!", "abc\r\nFAKE LOG <script>", "ümlaut", "", "a/b", "quote\"d"})
    void decide_whenTheCallersIdIsUnsafe_makesANewUuid(String given) {
        String decided = RequestIds.decide(given);
        assertThat(decided).isNotEqualTo(given);
        assertThat(UUID.fromString(decided)).isNotNull();
    }

    /** A caller may send one id twice; the server's own id of each request is its own, and stays the same in it. */
    @Test
    void serverId_isNewForEveryRequest_andTheCallersIdIsKeptBesideIt() {
        MockHttpServletRequest first = new MockHttpServletRequest();
        first.addHeader(RequestIds.HEADER, "playbook-run-1");
        MockHttpServletRequest second = new MockHttpServletRequest();
        second.addHeader(RequestIds.HEADER, "playbook-run-1");
        MockHttpServletRequest unsafe = new MockHttpServletRequest();
        unsafe.addHeader(RequestIds.HEADER, "abc def!");

        assertThat(RequestIds.serverId(first)).isEqualTo(RequestIds.serverId(first))
                .isNotEqualTo(RequestIds.serverId(second));
        assertThat(UUID.fromString(RequestIds.serverId(first))).isNotNull();
        assertThat(RequestIds.callerId(first)).isEqualTo("playbook-run-1").isEqualTo(RequestIds.callerId(second));
        assertThat(RequestIds.callerId(unsafe)).isNull();
        assertThat(RequestIds.callerId(new MockHttpServletRequest())).isNull();
    }

    @Test
    void decide_whenTheCallersIdIsLongerThan100_makesANewUuid() {
        assertThat(RequestIds.decide("x".repeat(100))).isEqualTo("x".repeat(100));
        assertThat(UUID.fromString(RequestIds.decide("x".repeat(101)))).isNotNull();
    }

    @Test
    void decide_whenNoIdIsGiven_makesAFreshOneEachTime() {
        assertThat(RequestIds.decide(null)).isNotEqualTo(RequestIds.decide(null));
    }
}
