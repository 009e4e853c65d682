package dev.cordon.identity;

import dev.cordon.identity.cli.IdentityCommandLine;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The built-in token service; with {@code clients ...}, {@code users ...} or {@code keys ...} as arguments, the command line that
 * manages its clients, users and keys instead (it works whether or not the service runs: both use the same files).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && IdentityCommandLine.handles(args[0])) {
            System.exit(IdentityCommandLine.run(Arrays.asList(args), System.in, System.out, System.err));
        }
        SpringApplication.run(TokenServiceApplication.class, args);
    }
}
