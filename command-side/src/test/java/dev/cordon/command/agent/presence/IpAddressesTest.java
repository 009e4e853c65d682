package dev.cordon.command.agent.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.error.RuleViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @CsvSource({"10.1.2.3, 10.1.2.3", "255.255.255.255, 255.255.255.255", "::1, 0:0:0:0:0:0:0:1",
            "FE80::1, fe80:0:0:0:0:0:0:1", "2001:db8::8a2e:370:7334, 2001:db8:0:0:0:8a2e:370:7334"})
    void anAddressLiteral_isKept_inItsUsualForm(String reported, String kept) {
        assertThat(IpAddresses.literal("ipAddress", reported)).isEqualTo(kept);
    }

    /** Never a name (which would be looked up), never half an address. */
    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "10.1.2", "10.1.2.256", "1.2.3.4.5", "abc", "::g",
            "10.1.2.3 ", "1:2:3:4:5:6:7:8:9", "\u202e10.1.2.3"})
    void anythingElse_is400InvalidInput(String reported) {
        assertThatThrownBy(() -> IpAddresses.literal("ipAddress", reported)).isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("ipAddress must be an IPv4 or IPv6 address");
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void nothingReported_isNull(String reported) {
        assertThat(IpAddresses.literal("ipAddress", reported)).isNull();
        assertThat(IpAddresses.literal("ipAddress", null)).isNull();
    }
}
