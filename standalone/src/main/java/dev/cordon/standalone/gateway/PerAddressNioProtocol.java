package dev.cordon.standalone.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO connector with a limit of open connections per remote address. Tomcat has none of its own, and a
 * connection that has not sent a whole request head yet is counted by no request limit: without this, one client
 * sending its heads a byte at a time could hold every connection Tomcat accepts ({@code maxConnections}). Named by
 * class in the connector ({@code TomcatServletWebServerFactory#setProtocol}), so it has a no-argument constructor;
 * the limit is set on it afterwards.
 */
public class PerAddressNioProtocol extends Http11NioProtocol {

    public PerAddressNioProtocol() {
        super(new Endpoint());
    }

    public void setMaxConnectionsPerAddress(int limit) {
        ((Endpoint) getEndpoint()).perAddress = limit;
    }

    /** Refuses a connection at accept time, before it costs anything, if its address has the limit open already. */
    private static final class Endpoint extends NioEndpoint {

        private static final Logger log = LoggerFactory.getLogger(PerAddressNioProtocol.class);

        private volatile int perAddress = Integer.MAX_VALUE;

        @Override
        protected boolean setSocketOptions(SocketChannel socket) {
            String address = remoteAddress(socket);
            // Tomcat's own map of open connections: it removes each as it closes, so nothing here can drift.
            if (address != null && getConnections().stream()
                    .filter(open -> address.equals(open.getRemoteAddr())).limit(perAddress).count() >= perAddress) {
                log.debug("Refused a connection from {}: {} are open from there", address, perAddress);
                // As Tomcat does itself when it fails here: no wrapper exists yet, so the acceptor would not close it.
                destroySocket(socket);
                return false;
            }
            return super.setSocketOptions(socket);
        }

        private static String remoteAddress(SocketChannel socket) {
            try {
                SocketAddress remote = socket.getRemoteAddress();
                return remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
