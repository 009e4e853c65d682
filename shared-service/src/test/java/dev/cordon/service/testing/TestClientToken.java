package dev.cordon.service.testing;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/** The tests' usual caller's bearer token on RestTemplate requests that name no Authorization of their own. */
final class TestClientToken {

    private TestClientToken() {
    }

    static RestTemplateCustomizer customizer() {
        ClientHttpRequestInterceptor bearer = (request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(TestIssuer.get().testClient());
            }
            return execution.execute(request, body);
        };
        return restTemplate -> restTemplate.getInterceptors().add(bearer);
    }
}
