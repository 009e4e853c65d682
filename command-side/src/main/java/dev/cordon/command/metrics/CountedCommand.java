package dev.cordon.command.metrics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that sends a command, so that every request it takes is counted and timed under the command's
 * name (the class name without "Command", e.g. {@code IsolateDevice}), accepted or rejected.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CountedCommand {

    /** The command the endpoint sends. */
    Class<?> value();
}
