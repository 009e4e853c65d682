package dev.cordon.command.bulk;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** This process's name in a bulk's lease: new on every start, so a restarted replica never trusts its old leases. */
@Component
class DispatcherIdentity {

    private final String id = UUID.randomUUID().toString();

    String id() {
        return id;
    }
}
