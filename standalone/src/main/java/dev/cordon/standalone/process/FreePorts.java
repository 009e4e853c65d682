package dev.cordon.standalone.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/** Loopback ports nobody listens on right now; a child that then fails to bind one exits and is reported. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** A free port that is none of {@code taken} (ports picked earlier that nobody listens on yet). */
    public static int nextExcept(int... taken) {
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = next();
            if (Arrays.stream(taken).noneMatch(t -> t == port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free loopback port besides " + Arrays.toString(taken)));
    }
}
