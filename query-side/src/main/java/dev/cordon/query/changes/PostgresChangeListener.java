package dev.cordon.query.changes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This instance's one LISTEN connection: every instance's projection NOTIFYs on commit, and this fans the changes out
 * to the local subscribers. It is its own connection, not the pool's, since it is held for good. Lost, it is opened
 * again with backoff, and since notifications sent meanwhile are gone, every subscriber is told to reset.
 */
final class PostgresChangeListener implements SmartLifecycle {

    static final String APPLICATION_NAME = "cordon-query-changes";
    private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int POLL_MILLIS = 1_000;
    /** A connection that silently died (no reset from the peer) is found by this query at the latest. */
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Before the web server starts (Boot's is at MAX_VALUE - 1024 - 1), so no stream opens before LISTEN is on. */
    private static final int PHASE = Integer.MAX_VALUE - 2048;
    private static final long START_WAIT_SECONDS = 10;

    private final String url;
    private final Properties connectionProperties = new Properties();
    private final ChangeSubscribers subscribers;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    PostgresChangeListener(String url, String username, String password, ChangeSubscribers subscribers) {
        this.url = url;
        this.subscribers = subscribers;
        if (username != null) {
            connectionProperties.setProperty("user", username);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("tcpKeepAlive", "true");
        connectionProperties.setProperty("connectTimeout", "5");
        connectionProperties.setProperty("socketTimeout", "30");
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "change-listener");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!firstListen.await(START_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Not listening for changes after {} s; change streams get a reset once it is",
                        START_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, connectionProperties)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + PostgresChangeNotifier.CHANGES);
                    statement.execute("LISTEN " + PostgresChangeNotifier.RESETS);
                }
                if (firstListen.getCount() > 0) {
                    firstListen.countDown();
                } else {
                    log.info("Listening for changes again; change streams are told to reset");
                }
                // Harmless the first time (streams open only after this), necessary every later time.
                subscribers.reset();
                backoff = FIRST_BACKOFF;
                receive(listening);
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("The change listener's database connection failed ({}); reconnecting in {} ms",
                        e.getMessage(), backoff.toMillis());
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        long probed = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    dispatch(notification.getName(), notification.getParameter());
                }
            }
            if (System.nanoTime() - probed > PROBE_INTERVAL.toNanos()) {
                try (Statement statement = listening.createStatement()) {
                    statement.execute("SELECT 1");
                }
                probed = System.nanoTime();
            }
        }
    }

    private void dispatch(String channel, String payload) {
        if (PostgresChangeNotifier.CHANGES.equals(channel)) {
            Change change;
            try {
                change = Change.fromNotification(payload);
            } catch (IllegalArgumentException e) {
                // Only instances of this service notify; a payload it cannot read is dropped, not a lost connection.
                log.warn("Ignoring a change notification that is not a change: {}", payload);
                return;
            }
            subscribers.changed(change);
        } else if (PostgresChangeNotifier.RESETS.equals(channel)) {
            subscribers.reset();
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException e) {
                // stopping anyway
            }
        }
    }
}
