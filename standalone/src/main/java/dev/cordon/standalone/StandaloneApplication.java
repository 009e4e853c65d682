package dev.cordon.standalone;

import dev.cordon.standalone.database.EmbeddedH2;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Cordon on one machine with one command: a database, a Kafka broker and both services as child processes,
 * behind one base URL. Everything it starts, it stops.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StandaloneApplication {

    public static void main(String[] args) {
        EmbeddedH2.listenOnLoopbackOnly();
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
