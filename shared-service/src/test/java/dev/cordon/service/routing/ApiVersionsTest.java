package dev.cordon.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionsTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1.0/machines,                    /api/machines",
            "/api/v1.0/machines/m1/isolate,         /api/machines/m1/isolate",
            "/api/v1.0,                             /api",
            "/api/v1.0/,                            /api/",
            "/api/machines,                         /api/machines",
            "/api/v1.01/machines,                   /api/v1.01/machines",
            "/api/v1x0/machines,                    /api/v1x0/machines",
            "/api/v2.0/machines,                    /api/v2.0/machines",
            "/api/machines/v1.0,                    /api/machines/v1.0",
            "/v1.0/api/machines,                    /v1.0/api/machines",
            "/api/v1.0/v1.0/machines,               /api/v1.0/machines"})
    void onlyTheOneVersionRightAfterApi_isTheUnversionedPath(String path, String unversioned) {
        assertThat(ApiVersions.unversioned(path)).isEqualTo(unversioned);
        assertThat(ApiVersions.isVersioned(path)).isEqualTo(!path.equals(unversioned));
    }
}
