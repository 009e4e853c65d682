package dev.cordon.identity.store;

/** A client just created: the only time its secret exists in the clear. */
public record NewClient(ClientEntry entry, String clientSecret) {
}
