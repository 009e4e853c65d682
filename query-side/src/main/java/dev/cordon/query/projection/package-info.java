/**
 * What writes the read models: the Kafka listener, the parser of the CloudEvents it receives, the projection that
 * applies each event to the Action center, the devices and the timelines in one transaction, and the pure folds it
 * applies (which take the isolation transitions from shared-events). A rebuild runs the same projection onto shadow
 * tables. Everything else in the query side reads.
 */
package dev.cordon.query.projection;
