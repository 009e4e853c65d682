package dev.cordon.standalone.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 by hand, from a chosen loopback address (every 127/8 address is loopback on Linux): the JDK's HTTP client
 * of Java 17 can neither choose its source address nor send a body slowly.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** What came back: the status, the head and as much of the body as was read. */
    record Answer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    static Socket connect(String sourceAddress, int port) {
        try {
            Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(sourceAddress), 0);
            socket.setSoTimeout(30_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads the status line and headers, and the body up to the end of the connection if {@code toEnd}. */
    static Answer read(Socket socket, boolean toEnd) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int next;
        while (matched < 4 && (next = in.read()) != -1) {
            head.write(next);
            matched = (next == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            throw new IOException("The connection closed without an answer");
        }
        String body = toEnd ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
        return new Answer(Integer.parseInt(text.split(" ")[1]), text.strip(), body);
    }

    /** Reads a line of an event stream; {@code null} at its end. */
    static String readLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != -1 && next != '\n') {
            line.write(next);
        }
        return next == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
