package dev.cordon.system.replay;

/**
 * What the rules say a device looks like between two of its events: the test's own model, written from the
 * product page's rules and not from Cordon's code, so that {@code state?at} is checked against an independent
 * reading of them.
 */
record ExpectedState(String isolationState, String scope, OpenAction openAction) {

    record OpenAction(String id, String type, String status, String stateBefore, String isolationType) {

        OpenAction started() {
            return new OpenAction(id, type, "InProgress", stateBefore, isolationType);
        }
    }

    static ExpectedState registered() {
        return new ExpectedState("NotIsolated", null, null);
    }

    /** Accepted only without an open action, and (isolate) when not isolated or (release) when isolated. */
    String rejectionOfIsolate() {
        if (openAction != null || "Isolated".equals(isolationState)) {
            return "ActiveRequestAlreadyExists";
        }
        return null;
    }

    String rejectionOfRelease() {
        if (openAction != null) {
            return "ActiveRequestAlreadyExists";
        }
        return "Isolated".equals(isolationState) ? null : "DeviceNotIsolated";
    }

    String rejectionOfReport(String actionId, String status) {
        if (openAction == null || !openAction.id().equals(actionId)) {
            return "InvalidActionState";
        }
        return "InProgress".equals(status) && "InProgress".equals(openAction.status()) ? "InvalidActionState" : null;
    }

    ExpectedState isolationRequested(String actionId, String type) {
        return new ExpectedState("IsolationPending", scope, new OpenAction(actionId, "Isolate", "Pending", isolationState, type));
    }

    ExpectedState releaseRequested(String actionId) {
        return new ExpectedState("ReleasePending", scope, new OpenAction(actionId, "Unisolate", "Pending", isolationState, null));
    }

    ExpectedState started() {
        return new ExpectedState(isolationState, scope, openAction.started());
    }

    ExpectedState succeeded() {
        return "Isolate".equals(openAction.type())
                ? new ExpectedState("Isolated", openAction.isolationType(), null)
                : new ExpectedState("NotIsolated", null, null);
    }

    ExpectedState failed() {
        return "Isolate".equals(openAction.type())
                ? new ExpectedState("NotIsolated", scope, null)
                : new ExpectedState("Isolated", scope, null);
    }

    /** A cancel or a timeout puts the device back where it was before the action. */
    ExpectedState ended() {
        return new ExpectedState(openAction.stateBefore(), scope, null);
    }
}
