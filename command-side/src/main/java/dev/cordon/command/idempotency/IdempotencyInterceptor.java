package dev.cordon.command.idempotency;

import dev.cordon.command.action.ActionRecord;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Stores a command's idempotency key beside its action, inside the command's unit of work and so in the same
 * transaction as its events (the command bus attaches the transaction before any interceptor runs): the key exists
 * if and only if the action was stored. A key already taken fails the command, which rolls back with nothing stored.
 * Axon's InterceptorAutoConfiguration registers it on the command bus, as it does every such bean.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyKeys keys;

    IdempotencyInterceptor(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        Idempotency request = Idempotency.from(unitOfWork.getMessage().getMetaData()).orElse(null);
        if (request != null) {
            if (!(result instanceof ActionRecord action)) {
                throw new IllegalStateException(unitOfWork.getMessage().getCommandName()
                        + " carries an idempotency key but answers no action");
            }
            keys.store(request, action.actionId());
        }
        return result;
    }
}
