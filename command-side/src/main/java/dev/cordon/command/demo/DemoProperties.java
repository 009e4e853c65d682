package dev.cordon.command.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param seedDevices register the demo devices at start (for demos and standalone trials; defaults off) */
@ConfigurationProperties(prefix = "cordon.demo")
public record DemoProperties(boolean seedDevices) {
}
