package dev.cordon.standalone.identity;

/** A person the setup made for signing in to the dashboard, with the generated password it is shown once with. */
public record UserCredentials(String name, String role, String password) {
}
