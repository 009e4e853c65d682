package dev.cordon.query.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's pages. Every page is the same shell; its script renders the view the path names and reads
 * everything through the public API, so the dashboard can do nothing an API client could not. The paths are
 * real (not #fragments) so that a page can be bookmarked, reloaded and linked from a ticket.
 */
@RestController
@Hidden
class DashboardController {

    private static final Resource SHELL = new ClassPathResource("dashboard/index.html");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @GetMapping({"/", "/devices", "/actions"})
    ResponseEntity<Resource> page() {
        return shell();
    }

    /** The id is not checked here: the page asks the API for the device and shows its error if there is none. */
    @GetMapping("/devices/{id}")
    ResponseEntity<Resource> devicePage(@PathVariable String id) {
        return shell();
    }

    private static ResponseEntity<Resource> shell() {
        // no-cache: a new version's shell, which names its scripts, is picked up at the next visit.
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(SHELL);
    }
}
