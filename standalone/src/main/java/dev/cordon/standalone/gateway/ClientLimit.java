package dev.cordon.standalone.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests in flight per remote address. Tomcat has no per-address connection limit, and an idle keep-alive
 * connection costs it nothing (no thread; closed after its keep-alive timeout): what one client can hold is requests,
 * so that is what is counted.
 */
final class ClientLimit {

    private final int perClient;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    ClientLimit(int perClient) {
        this.perClient = perClient;
    }

    /** @return whether the address may start one more request; if so, {@link #release} must follow once */
    boolean tryAcquire(String address) {
        boolean[] admitted = {false};
        inFlight.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perClient) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    void release(String address) {
        inFlight.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    int inFlight(String address) {
        return inFlight.getOrDefault(address, 0);
    }
}
