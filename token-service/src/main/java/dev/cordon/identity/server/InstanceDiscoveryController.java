package dev.cordon.identity.server;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The instance discovery document that MSAL-based clients read before anything else, to learn where the tenant's
 * discovery document is and which host names are aliases of the authority.
 */
@RestController
class InstanceDiscoveryController {

    private final Tenant tenant;

    InstanceDiscoveryController(Tenant tenant) {
        this.tenant = tenant;
    }

    @GetMapping({"/common/discovery/instance", "/{tenant}/discovery/instance"})
    Map<String, Object> instance() {
        String host = URI.create(tenant.baseUrl()).getAuthority();
        return Map.of(
                "tenant_discovery_endpoint", tenant.url(tenant.discoveryPath()),
                "api-version", "1.1",
                "metadata", List.of(Map.of("preferred_network", host, "preferred_cache", host,
                        "aliases", List.of(host))));
    }
}
