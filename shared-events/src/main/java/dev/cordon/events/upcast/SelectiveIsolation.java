package dev.cordon.events.upcast;

import java.util.List;

/** What selective isolation meant before events said it themselves. */
public final class SelectiveIsolation {

    /**
     * The applications a selective isolation kept connected while {@code DeviceIsolationRequestedEvent} was at
     * revision 1 (the product page's "Outlook, Microsoft Teams, and Skype for Business"). A historical fact:
     * never edit it; a different list today belongs in the isolation table, and from there in new events.
     */
    public static final List<String> REVISION_1_KEPT_CONNECTED =
            List.of("Outlook", "Microsoft Teams", "Skype for Business");

    private SelectiveIsolation() {
    }
}
