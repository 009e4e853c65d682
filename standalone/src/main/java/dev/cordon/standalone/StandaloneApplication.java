package dev.cordon.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import sun.misc.Signal;

/**
 * Cordon on one machine with one command: a database, a Kafka broker and both services as child processes,
 * behind one base URL. Everything it starts, it stops.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StandaloneApplication {

    public static void main(String[] args) {
        stopOnInterrupt();
        SpringApplication.run(StandaloneApplication.class, args);
    }

    /**
     * A shell starts background commands with SIGINT ignored, and the JVM then leaves it ignored: a
     * {@code kill -INT} from a script, or from a test, would do nothing. Ctrl-C and SIGINT always stop Cordon,
     * through the same shutdown hooks as SIGTERM.
     */
    private static void stopOnInterrupt() {
        Signal.handle(new Signal("INT"), signal -> System.exit(128 + signal.getNumber()));
    }
}
