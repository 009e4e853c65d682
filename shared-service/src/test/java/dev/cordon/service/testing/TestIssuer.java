package dev.cordon.service.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.cordon.service.security.Audiences;
import dev.cordon.service.security.Claims;
import dev.cordon.service.security.CordonRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A token issuer for tests, shaped as Entra ID (and Cordon's token service) publishes itself: an OpenID discovery
 * document at {@code {issuer}/.well-known/openid-configuration} and its keys, on a loopback port. One per JVM
 * ({@link #get()}), so every test context of a module trusts the same issuer. Mints good tokens, and every kind of bad
 * one a resource server must refuse.
 */
public final class TestIssuer {

    public static final String TENANT = "test-tenant";
    private static TestIssuer instance;

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final String issuer;
    private final Map<String, Cached> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            otherKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).generate(); // same key id, other key: a forged signature
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        issuer = base + "/" + TENANT + "/v2.0";
        String keys = "/" + TENANT + "/discovery/v2.0/keys";
        serve("/" + TENANT + "/v2.0/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\""
                + base + keys + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        serve(keys, new JWKSet(key).toPublicJWKSet().toString());
        server.start();
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    /** What {@code cordon.security.issuer-uri} is set to. */
    public String issuer() {
        return issuer;
    }

    /** The name of the tests' usual caller, an application with every permission but an agent's. */
    public static final String TEST_CLIENT = "Cordon tests";

    /** The tests' usual caller's token: {@link #TEST_CLIENT} with every permission but an agent's. */
    public String testClient() {
        return cached(TEST_CLIENT, () -> app(TEST_CLIENT, "Machine.Isolate", "Machine.ReadWrite.All",
                "Machine.Read.All", "Cordon.Operations"));
    }

    /**
     * Signing costs a millisecond or more, and the tests send thousands of calls: the usual tokens are made once and
     * used for half their lifetime, as a client caches its token.
     */
    private String cached(String key, Supplier<String> make) {
        Instant now = Instant.now();
        Cached known = tokens.get(key);
        if (known == null || now.isAfter(known.madeAt().plus(Duration.ofMinutes(30)))) {
            known = new Cached(make.get(), now);
            tokens.put(key, known);
        }
        return known.token();
    }

    private record Cached(String token, Instant madeAt) {
    }

    /** {@code Authorization}'s value for {@link #testClient()}. */
    public static String bearer() {
        return "Bearer " + get().testClient();
    }

    /** An application's token (client credentials) with these permissions. */
    public String app(String name, String... permissions) {
        return token(claims -> claims.claim(Claims.ROLES, Arrays.asList(permissions))
                .claim(Claims.APP_ID, "app-" + name).claim(Claims.AUTHORIZED_PARTY, "app-" + name)
                .claim(Claims.APP_DISPLAY_NAME, name));
    }

    /**
     * A user's (delegated) token with these permissions in {@code scp}, held by an administrator of every device
     * group, so the scopes alone decide.
     */
    public String user(String upn, String... permissions) {
        return user(upn, CordonRole.ADMINISTRATOR, null, permissions);
    }

    /**
     * A user's (delegated) token: these scopes, the role in {@code roles} as the built-in token service writes it,
     * and, unless null, the device groups it is limited to.
     */
    public String user(String upn, CordonRole role, List<String> deviceGroups, String... permissions) {
        return token(claims -> {
            claims.claim(Claims.SCOPES, String.join(" ", permissions)).claim(Claims.UPN, upn)
                    .claim(Claims.PREFERRED_USERNAME, upn).claim(Claims.AUTHORIZED_PARTY, "dashboard");
            if (role != null) {
                claims.claim(Claims.ROLES, List.of(role.claimValue()));
            }
            if (deviceGroups != null) {
                claims.claim(Claims.DEVICE_GROUPS, deviceGroups);
            }
        });
    }

    /** A device agent's token, bound to one machine. */
    public String agent(String machineId) {
        return cached("agent:" + machineId, () -> token(claims -> claims.claim(Claims.ROLES, List.of("Cordon.Agent"))
                .claim(Claims.APP_ID, "agent-" + machineId).claim(Claims.MACHINE_ID, machineId)));
    }

    /** A valid token, its claims as changed by {@code change}. */
    public String token(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = defaults();
        change.accept(claims);
        return sign(claims.build(), key);
    }

    public String expired() {
        return token(claims -> claims.issueTime(ago(Duration.ofHours(2))).notBeforeTime(ago(Duration.ofHours(2)))
                .expirationTime(ago(Duration.ofHours(1))).claim(Claims.ROLES, List.of("Machine.Read.All")));
    }

    public String notYetValid() {
        return token(claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .claim(Claims.ROLES, List.of("Machine.Read.All")));
    }

    public String wrongIssuer() {
        return token(claims -> claims.issuer("https://login.example.com/another-tenant/v2.0")
                .claim(Claims.ROLES, List.of("Machine.Read.All")));
    }

    public String wrongAudience() {
        return token(claims -> claims.audience("https://graph.microsoft.com")
                .claim(Claims.ROLES, List.of("Machine.Read.All")));
    }

    public String badSignature() {
        return sign(defaults().claim(Claims.ROLES, List.of("Machine.Read.All")).build(), otherKey);
    }

    public String algNone() {
        return new PlainJWT(defaults().claim(Claims.ROLES, List.of("Machine.Read.All")).build()).serialize();
    }

    public String malformed() {
        return "not-a-token";
    }

    private JWTClaimsSet.Builder defaults() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(Audiences.CORDON).subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).claim(Claims.TENANT, TENANT);
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** Every kind of token a resource server must refuse with 401, by name. */
    public Map<String, String> refused() {
        return Map.of("malformed", malformed(), "expired", expired(), "notYetValid", notYetValid(),
                "wrongIssuer", wrongIssuer(), "wrongAudience", wrongAudience(), "badSignature", badSignature(),
                "algNone", algNone());
    }
}
