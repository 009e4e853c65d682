package dev.cordon.standalone.identity;

/** A client of the built-in token service, with the secret it was given (the service keeps only its hash). */
public record ClientCredentials(String clientId, String clientSecret) {
}
