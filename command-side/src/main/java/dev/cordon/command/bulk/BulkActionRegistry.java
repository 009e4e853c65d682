package dev.cordon.command.bulk;

/**
 * Where a new bulk is written for its dispatch, through the creating command's own transaction (Axon's unit of work
 * runs in Spring's): a stored bulk always has its row, with the caller's scope and the lease of the replica that
 * dispatches it, so that a crash after the commit leaves a bulk another replica resumes, never one nobody dispatches.
 */
public interface BulkActionRegistry {

    void register(RequestBulkActionCommand request);
}
