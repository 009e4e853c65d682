package dev.cordon.command.api;

import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.error.RuleViolationException;
import org.springframework.stereotype.Component;

/** Finds an action by id, or answers 404 the way every endpoint should. */
@Component
public class MachineActions {

    private final ActionIndex index;

    public MachineActions(ActionIndex index) {
        this.index = index;
    }

    public ActionRecord require(String actionId) {
        return index.find(actionId).orElseThrow(() -> RuleViolationException.unknownAction(actionId));
    }
}
