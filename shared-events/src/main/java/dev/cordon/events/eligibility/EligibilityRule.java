package dev.cordon.events.eligibility;

import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.OsPlatform;

/** One supported (platform, isolation type) pair; {@code minOsBuild} null means every build. */
public record EligibilityRule(OsPlatform osPlatform, IsolationType isolationType, Long minOsBuild, String minVersion) {
}
