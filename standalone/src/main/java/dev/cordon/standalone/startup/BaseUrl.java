package dev.cordon.standalone.startup;

import java.net.InetAddress;
import java.net.URI;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;

/** The address the gateway is reached at, in either mode; a wildcard bind is reached on loopback too. */
public final class BaseUrl {

    private BaseUrl() {
    }

    public static URI of(WebServerApplicationContext context, ServerProperties server) {
        int port = context.getWebServer().getPort();
        InetAddress address = server.getAddress();
        String host = address == null || address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port);
    }
}
