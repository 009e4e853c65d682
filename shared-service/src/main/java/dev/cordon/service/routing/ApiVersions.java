package dev.cordon.service.routing;

import java.util.regex.Pattern;

/**
 * Defender documents {@code /api/v1.0/...} as the versioned form of every {@code /api/...} endpoint, and current
 * clients call it. Cordon has one version, so the versioned path is the same endpoint: both services serve it (by
 * {@link ApiVersionFilter}, before security, so permissions and rate limits are the unversioned endpoint's), and the
 * routing table routes it as the unversioned path.
 */
public final class ApiVersions {

    /** Only {@code v1.0}, and only as the segment right after {@code /api}. */
    private static final Pattern VERSIONED = Pattern.compile("^/api/v1\\.0(?=/|$)");

    private ApiVersions() {
    }

    /** {@code /api/v1.0/machines} is {@code /api/machines}, {@code /api/v1.0} is {@code /api}; the rest as it is. */
    public static String unversioned(String path) {
        return path == null ? null : VERSIONED.matcher(path).replaceFirst("/api");
    }

    public static boolean isVersioned(String path) {
        return path != null && VERSIONED.matcher(path).find();
    }
}
