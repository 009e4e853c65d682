package dev.cordon.service.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Every Spring test context of a module with shared-service's test jar trusts the {@link TestIssuer} (registered in
 * META-INF/spring.factories), as a deployment trusts its identity provider: security stays on, and tests call the API
 * with tokens from it. A test that names another issuer keeps its own: this is the lowest-precedence source. The
 * context's {@code TestRestTemplate} (and any RestTemplate built there) sends {@link TestIssuer#testClient()}'s token
 * on every request that does not carry an {@code Authorization} header of its own.
 */
public class TestIssuerContextCustomizerFactory implements ContextCustomizerFactory {

    /**
     * Supplied as the environment variable the services' application.yml reads the issuer from, so that a test which
     * sets {@code cordon.security.issuer-uri} itself still wins.
     */
    static final String ISSUER_VARIABLE = "CORDON_SECURITY_ISSUER_URI";
    /** And the record signing key both services read, so records the tests' command side publishes verify. */
    static final String SIGNING_KEYS_VARIABLE = "CORDON_KAFKA_SIGNING_KEYS";
    private static final String REST_TEMPLATE_CUSTOMIZER = "org.springframework.boot.web.client.RestTemplateCustomizer";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new TrustTestIssuer();
    }

    /** Equal to every other one, so the contexts it customises are still cached and shared. */
    private static final class TrustTestIssuer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("testIssuer",
                    Map.of(ISSUER_VARIABLE, TestIssuer.get().issuer(), SIGNING_KEYS_VARIABLE, TestSigning.KEYS)));
            if (ClassUtils.isPresent(REST_TEMPLATE_CUSTOMIZER, context.getClassLoader())) {
                context.getBeanFactory().registerSingleton("testClientBearerToken", TestClientToken.customizer());
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TrustTestIssuer;
        }

        @Override
        public int hashCode() {
            return TrustTestIssuer.class.hashCode();
        }
    }
}
