package dev.cordon.identity.users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The sign-in page's users: the users file, read at every attempt, so a user removed by the command line cannot sign
 * in from then on. The role and groups are not authorities here; the token service reads them when it issues a token.
 */
public class UserDirectory implements UserDetailsService {

    private final UserRegistry users;

    public UserDirectory(UserRegistry users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserEntry user = users.byName(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.name()).password(user.passwordHash()).roles("USER").build();
    }
}
