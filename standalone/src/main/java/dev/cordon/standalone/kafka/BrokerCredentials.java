package dev.cordon.standalone.kafka;

import dev.cordon.standalone.files.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The broker's three users and their passwords, made on first start and kept owner-only beside its storage
 * ({@code data/kafka/credentials.properties}), the same on every start.
 *
 * <ul>
 *   <li>{@value #ADMIN}: the broker itself (between its broker and controller parts) and the launcher, which grants
 *       the other two; a super user, known to the broker by its configuration (SASL/PLAIN on listeners only they use);
 *   <li>{@value #COMMAND_SIDE} and {@value #QUERY_SIDE}: the services, SASL/SCRAM-SHA-512 on the one client listener,
 *       each allowed only what its side does (see {@link BrokerAccess}).
 * </ul>
 */
public record BrokerCredentials(String adminPassword, String commandSidePassword, String querySidePassword) {

    public static final String ADMIN = "cordon-broker";
    public static final String COMMAND_SIDE = "cordon-command-side";
    public static final String QUERY_SIDE = "cordon-query-side";
    static final String FILE = "credentials.properties";
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** The kept credentials, or new ones written (owner-only from their first byte) when there are none yet. */
    public static BrokerCredentials of(Path kafkaHome) {
        Path file = kafkaHome.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties kept = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    kept.load(in);
                }
                return new BrokerCredentials(required(kept, ADMIN, file), required(kept, COMMAND_SIDE, file),
                        required(kept, QUERY_SIDE, file));
            }
            BrokerCredentials made = new BrokerCredentials(newPassword(), newPassword(), newPassword());
            Properties written = new Properties();
            written.setProperty(ADMIN, made.adminPassword());
            written.setProperty(COMMAND_SIDE, made.commandSidePassword());
            written.setProperty(QUERY_SIDE, made.querySidePassword());
            Path temp = kafkaHome.resolve(FILE + ".tmp");
            Files.deleteIfExists(temp);
            OwnerOnly.newFile(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                written.store(out, "The Kafka broker's users (Cordon standalone). Owner-only; never share.");
            }
            Files.move(temp, file);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the Kafka broker's credentials in " + file, e);
        }
    }

    /**
     * What a service is told to reach the broker as {@code user} (Spring Kafka's settings, from the environment, so
     * the password is in no command line another user could list).
     */
    public Map<String, String> clientEnvironment(String user) {
        return Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", MECHANISM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", scramLogin(user, passwordOf(user)));
    }

    String passwordOf(String user) {
        return switch (user) {
            case ADMIN -> adminPassword;
            case COMMAND_SIDE -> commandSidePassword;
            case QUERY_SIDE -> querySidePassword;
            default -> throw new IllegalArgumentException("No such broker user: " + user);
        };
    }

    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    static String plainLogin(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** URL-safe base64 of 32 random bytes: nothing a JAAS string or a properties file would have to escape. */
    private static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String required(Properties kept, String user, Path file) {
        String password = kept.getProperty(user);
        if (password == null || !password.matches("[A-Za-z0-9_-]{32,}")) {
            throw new IllegalStateException("The Kafka broker's credentials in " + file + " lack a valid password for "
                    + user + "; restore the file, or remove it: the next start makes new passwords for all three");
        }
        return password;
    }

    /** Never the passwords, should a record be logged. */
    @Override
    public String toString() {
        return "BrokerCredentials[" + ADMIN + ", " + COMMAND_SIDE + ", " + QUERY_SIDE + "]";
    }
}
