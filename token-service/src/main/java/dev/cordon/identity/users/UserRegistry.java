package dev.cordon.identity.users;

import dev.cordon.identity.store.JsonListFile;
import dev.cordon.service.security.CordonRole;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who sign in to the dashboard, in one owner-only JSON file beside the clients, shared by the running
 * token service (its sign-in page reads it at every attempt) and the {@code users} command line. Passwords are hashed
 * with Argon2id (Spring Security's encoder, its 5.8 defaults: memory-hard, so a stolen file is slow to attack).
 * Names compare ignoring letter case, as a sign-in does.
 */
public final class UserRegistry {

    /** A generated password: 18 random bytes, 24 characters, about 144 bits. */
    private static final int PASSWORD_BYTES = 18;
    /** The shortest password accepted from the operator. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final JsonListFile<UserEntry> file;
    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public UserRegistry(Path directory, Clock clock) {
        this.file = new JsonListFile<>(directory, "users", UserEntry.class);
        this.clock = clock;
    }

    /** The encoder the stored hashes are checked with. */
    public PasswordEncoder encoder() {
        return encoder;
    }

    public List<UserEntry> all() {
        return file.all();
    }

    public Optional<UserEntry> byName(String name) {
        return name == null ? Optional.empty()
                : all().stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * @param password the operator's choice; null: a strong random one is generated (and returned once)
     * @throws IllegalArgumentException for a name taken or malformed, no group, or a short password
     */
    public NewUser add(String name, CordonRole role, Collection<String> deviceGroups, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name is 1 to 64 letters, digits and . _ @ -, starting with a"
                    + " letter or digit");
        }
        List<String> groups = groups(deviceGroups);
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password is too short: at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        String generated = password == null ? generate() : null;
        UserEntry entry = new UserEntry(name, role, groups, encoder.encode(password == null ? generated : password),
                clock.instant());
        file.add(entry, u -> u.name().equalsIgnoreCase(name), "A user named '" + name + "' exists already");
        return new NewUser(entry, generated);
    }

    /** @return whether a user of that name was there */
    public boolean remove(String name) {
        return file.removeIf(u -> u.name().equalsIgnoreCase(name));
    }

    /** Trimmed, none blank, each once (ignoring letter case, as groups compare). */
    private static List<String> groups(Collection<String> deviceGroups) {
        List<String> groups = new ArrayList<>();
        for (String group : deviceGroups == null ? List.<String>of() : deviceGroups) {
            String trimmed = group == null ? "" : group.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("A device group name is empty");
            }
            if (groups.stream().noneMatch(g -> g.toLowerCase(Locale.ROOT).equals(trimmed.toLowerCase(Locale.ROOT)))) {
                groups.add(trimmed);
            }
        }
        return groups;
    }

    private String generate() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
