package dev.cordon.query.isolation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code cordon.isolation.*}; application.yml maps the environment variable, the command side's own.
 *
 * @param eligibility the table of which OS supports which isolation type (a JSON resource): the command side's,
 *                    so that the options shown are the ones the command side enforces
 */
@ConfigurationProperties("cordon.isolation")
public record IsolationProperties(@DefaultValue("classpath:isolation-eligibility.json") Resource eligibility) {
}
