package dev.cordon.query.rebuild;

import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.rebuild.Verification.Difference;
import dev.cordon.query.rebuild.Verification.ReadModelComparison;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Compares two table sets read model by read model: both are read side by side in primary-key order, in streams
 * (a cursor each), so a read model of any size is compared in constant memory. Every column counts: every value
 * in the read models comes from the events (their own timestamps included), none from the projector's clock.
 */
final class ReadModelVerifier {

    /** A read model: its table in a set, and its primary key; a key column is text unless named in {@code numeric}. */
    record ReadModel(String name, Function<ReadModelTables, String> table, List<String> key, List<String> numeric) {
    }

    static final List<ReadModel> READ_MODELS = List.of(
            new ReadModel("machines", ReadModelTables::machine, List.of("id"), List.of()),
            new ReadModel("machineActions", ReadModelTables::machineAction, List.of("id"), List.of()),
            new ReadModel("timeline", ReadModelTables::timeline, List.of("device_id", "sequence"),
                    List.of("sequence")));

    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final ShadowTables dialect;

    ReadModelVerifier(DataSource dataSource, ShadowTables dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Verification compare(ReadModelTables live, ReadModelTables rebuilt) {
        List<ReadModelComparison> comparisons = new ArrayList<>();
        for (ReadModel model : READ_MODELS) {
            comparisons.add(compare(model, model.table().apply(live), model.table().apply(rebuilt)));
        }
        return Verification.of(comparisons);
    }

    private ReadModelComparison compare(ReadModel model, String liveTable, String rebuiltTable) {
        try (Connection liveConnection = dataSource.getConnection();
             Connection rebuiltConnection = dataSource.getConnection();
             Cursor live = new Cursor(model, liveConnection, liveTable);
             Cursor rebuilt = new Cursor(model, rebuiltConnection, rebuiltTable)) {
            Difference first = null;
            if (!live.columns.equals(rebuilt.columns)) {
                first = new Difference(model.name(), Map.of(), "(columns)", String.join(",", live.columns),
                        String.join(",", rebuilt.columns));
            }
            live.next();
            rebuilt.next();
            while (live.row != null || rebuilt.row != null) {
                int order = live.row == null ? 1 : rebuilt.row == null ? -1 : live.compareKey(rebuilt);
                if (first == null) {
                    first = difference(model, order, live, rebuilt);
                }
                if (order <= 0) {
                    live.next();
                }
                if (order >= 0) {
                    rebuilt.next();
                }
            }
            return new ReadModelComparison(model.name(), liveTable, live.rows, rebuilt.rows, live.checksum(),
                    rebuilt.checksum(), first == null, first);
        } catch (SQLException e) {
            throw new RebuildException("Comparing " + model.name() + " failed: " + e.getMessage(), e);
        }
    }

    private static Difference difference(ReadModel model, int order, Cursor live, Cursor rebuilt) {
        if (order < 0) {
            return new Difference(model.name(), live.key(), null, "(row)", "(no row)");
        }
        if (order > 0) {
            return new Difference(model.name(), rebuilt.key(), null, "(no row)", "(row)");
        }
        for (int i = 0; i < live.columns.size(); i++) {
            String a = live.row[i];
            String b = rebuilt.row[i];
            if (a == null ? b != null : !a.equals(b)) {
                return new Difference(model.name(), live.key(), live.columns.get(i), a, b);
            }
        }
        return null;
    }

    /** One table read in key order; each row's values are also fed to the table's checksum. */
    private final class Cursor implements AutoCloseable {

        private final ReadModel model;
        private final Connection connection;
        private final PreparedStatement query;
        private final ResultSet rs;
        private final List<String> columns = new ArrayList<>();
        private final int[] keyIndexes;
        private final MessageDigest digest;
        /** Reused for every value's length: one allocation per cursor, not one per value. */
        private final ByteBuffer length = ByteBuffer.allocate(4);
        private String[] row;
        private long rows;

        Cursor(ReadModel model, Connection connection, String table) throws SQLException {
            this.model = model;
            this.connection = connection;
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            List<String> order = model.key().stream()
                    .map(column -> model.numeric().contains(column) ? column : dialect.textKeyOrder(column)).toList();
            query = connection.prepareStatement("SELECT * FROM " + table + " ORDER BY " + String.join(", ", order));
            query.setFetchSize(FETCH_SIZE);
            rs = query.executeQuery();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase());
            }
            keyIndexes = model.key().stream().mapToInt(columns::indexOf).toArray();
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void next() throws SQLException {
            if (!rs.next()) {
                row = null;
                return;
            }
            row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = canonical(rs.getObject(i + 1));
                if (row[i] == null) {
                    digest.update((byte) 0);
                } else {
                    byte[] bytes = row[i].getBytes(StandardCharsets.UTF_8);
                    digest.update((byte) 1);
                    length.putInt(0, bytes.length);
                    digest.update(length.array());
                    digest.update(bytes);
                }
            }
            rows++;
        }

        int compareKey(Cursor other) {
            for (int i = 0; i < keyIndexes.length; i++) {
                String a = row[keyIndexes[i]];
                String b = other.row[keyIndexes[i]];
                int order = model.numeric().contains(model.key().get(i))
                        ? Long.compare(Long.parseLong(a), Long.parseLong(b))
                        : compareCodePoints(a, b);
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        }

        Map<String, String> key() {
            Map<String, String> key = new LinkedHashMap<>();
            for (int i = 0; i < keyIndexes.length; i++) {
                key.put(model.key().get(i), row[keyIndexes[i]]);
            }
            return key;
        }

        String checksum() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
                query.close();
            } finally {
                connection.rollback();
            }
        }
    }

    /** Instants in one form whatever type the driver hands out; everything else as its text. */
    static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }

    /** UTF-8 byte order, which is what PostgreSQL's "C" collation sorts by. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
