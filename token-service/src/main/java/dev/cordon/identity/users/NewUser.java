package dev.cordon.identity.users;

/** A user just added, with its password when Cordon generated it: the only time that exists in the clear. */
public record NewUser(UserEntry entry, String password) {
}
