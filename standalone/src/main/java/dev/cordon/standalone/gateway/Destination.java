package dev.cordon.standalone.gateway;

import java.net.URI;
import java.util.List;

/**
 * Where one request goes, decided before anything of it is read or held.
 *
 * @param bases        the replicas to try, in order
 * @param upstream     what they are, for the answers and the log ("command side")
 * @param pathAndQuery the request's path and query, as the client sent them
 */
record Destination(List<URI> bases, String upstream, String pathAndQuery) {
}
