package dev.cordon.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DataErrorsTest {

    @Test
    void isDataError_whenSqlStateClass22Or23DeepInTheChain_isTrue() {
        assertThat(DataErrors.isDataError(new RuntimeException(new DataIntegrityViolationException("x",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))).isTrue();
        assertThat(DataErrors.isDataError(new SQLException("duplicate key", "23505"))).isTrue();
    }

    @Test
    void isDataError_whenConnectionFailureOrNoSqlState_isFalse() {
        assertThat(DataErrors.isDataError(new CannotGetJdbcConnectionException("pool timeout",
                new SQLException("Connection is not available", "08001")))).isFalse();
        assertThat(DataErrors.isDataError(new SQLException("no state"))).isFalse();
        assertThat(DataErrors.isDataError(new IllegalStateException("no SQL at all"))).isFalse();
    }

    /** The first SQLException decides; a wrapped one further down is a detail of it. */
    @Test
    void isDataError_whenOuterSqlStateIsTransient_isFalse() {
        assertThat(DataErrors.isDataError(new SQLException("connection lost", "08006",
                new SQLException("bad data", "22021")))).isFalse();
    }
}
