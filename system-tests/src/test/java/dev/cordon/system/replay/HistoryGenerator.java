package dev.cordon.system.replay;

import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives many devices through random isolate, report, cancel, timeout and release sequences over the public
 * API, round by round, checking each answer against {@link ExpectedState} and recording what the state
 * should be when. Rejected commands are part of the mix: the model says which must be refused, and with
 * which error code.
 */
final class HistoryGenerator {

    /** A device makes a few moves in a row, so that most actions end well before their deadline. */
    private static final int STEPS_PER_ROUND = 3;

    private final HttpApi commands;
    private final HttpApi reads;
    private final Duration actionTimeout;
    private final Random random;
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();

    HistoryGenerator(HttpApi commands, HttpApi reads, Duration actionTimeout, long seed) {
        this.commands = commands;
        this.reads = reads;
        this.actionTimeout = actionTimeout;
        this.random = new Random(seed);
    }

    int events() {
        return events.get();
    }

    int rejected() {
        return rejected.get();
    }

    int timeouts() {
        return timeouts.get();
    }

    List<DeviceHistory> generate(int deviceCount, int minEvents, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<DeviceHistory> devices = new ArrayList<>();
            List<Future<DeviceHistory>> registrations = new ArrayList<>();
            for (int i = 0; i < deviceCount; i++) {
                String id = HexFormat.of().formatHex(randomBytes(20));
                registrations.add(pool.submit(() -> register(id)));
            }
            for (Future<DeviceHistory> f : registrations) {
                devices.add(f.get());
            }
            int round = 0;
            while (events.get() < minEvents || awaitingTimeouts(devices)) {
                if (++round > 200) {
                    throw new IllegalStateException("no progress after 200 rounds: " + events.get() + " events");
                }
                boolean finishing = events.get() >= minEvents;
                List<Future<?>> steps = new ArrayList<>();
                for (DeviceHistory device : devices) {
                    long seed = random.nextLong();
                    steps.add(pool.submit(() -> {
                        Random deviceRandom = new Random(seed);
                        for (int i = 0; i < STEPS_PER_ROUND; i++) {
                            // Once enough events exist, the rest of this round winds down too instead of
                            // overshooting the minimum by most of a round.
                            step(device, deviceRandom, finishing || events.get() >= minEvents);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : steps) {
                    f.get();
                }
                if (finishing) {
                    Thread.sleep(250);
                }
            }
            Instant end = Instant.now();
            devices.forEach(d -> d.close(end));
            return devices;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean awaitingTimeouts(List<DeviceHistory> devices) {
        return devices.stream().anyMatch(d -> d.awaitedTimeout != null);
    }

    private DeviceHistory register(String id) {
        Instant sent = Instant.now();
        Response r = commands.register(id, "replay-" + id.substring(0, 8), "Windows11", "22631");
        Instant answered = Instant.now();
        expect(r, 201, null, "register " + id);
        events.incrementAndGet();
        return new DeviceHistory(id, sent, answered);
    }

    /** One move of one device; once enough events exist, its open action is left to time out and awaited. */
    private void step(DeviceHistory device, Random random, boolean finishing) {
        if (device.awaitedTimeout != null) {
            observeTimeout(device);
            return;
        }
        ExpectedState state = device.current();
        if (state.openAction() != null && (finishing
                || Instant.now().isAfter(device.actionOpenedSent.plus(actionTimeout.dividedBy(2))))) {
            // Its deadline may fire while a request is on its way (the model could not say which came first), or,
            // once enough events exist, while the run winds down: either way the device waits for its timeout.
            leaveToTimeOut(device);
            return;
        }
        if (finishing) {
            return;
        }
        int dice = random.nextInt(100);
        if (state.openAction() == null) {
            boolean isolated = "Isolated".equals(state.isolationState());
            if (dice < 88) {
                if (isolated) {
                    release(device);
                } else {
                    isolate(device, random.nextBoolean() ? "Full" : "Selective");
                }
            } else if (isolated) {
                isolate(device, "Full");     // refused: already isolated
            } else {
                release(device);             // refused: not isolated
            }
            return;
        }
        boolean started = "InProgress".equals(state.openAction().status());
        if (dice < (started ? 5 : 35)) {
            report(device, "InProgress");    // refused when already started
        } else if (dice < 65) {
            report(device, "Succeeded");
        } else if (dice < 73) {
            report(device, "Failed");
        } else if (dice < 85) {
            cancel(device);
        } else if (dice < 95) {
            leaveToTimeOut(device);
        } else {
            isolate(device, "Full");         // refused: an action is open
        }
    }

    private void isolate(DeviceHistory device, String type) {
        ExpectedState state = device.current();
        Instant sent = Instant.now();
        Response r = commands.isolate(device.deviceId, type);
        Instant answered = Instant.now();
        String refusal = state.rejectionOfIsolate();
        expect(r, refusal == null ? 201 : 400, refusal, "isolate " + device.deviceId);
        if (refusal == null) {
            accepted(device, sent, answered, state.isolationRequested(r.body().get("id").asText(), type));
        }
    }

    private void release(DeviceHistory device) {
        ExpectedState state = device.current();
        Instant sent = Instant.now();
        Response r = commands.release(device.deviceId);
        Instant answered = Instant.now();
        String refusal = state.rejectionOfRelease();
        expect(r, refusal == null ? 201 : 400, refusal, "release " + device.deviceId);
        if (refusal == null) {
            accepted(device, sent, answered, state.releaseRequested(r.body().get("id").asText()));
        }
    }

    private void report(DeviceHistory device, String status) {
        ExpectedState state = device.current();
        String action = state.openAction().id();
        Instant sent = Instant.now();
        Response r = commands.post("/api/agent/machineactions/" + action + "/status", "Failed".equals(status)
                ? "{\"status\":\"Failed\",\"errorHResult\":-2147467259}" : "{\"status\":\"" + status + "\"}",
                "Authorization", "Bearer " + HttpApi.agentTokenFor(action));
        Instant answered = Instant.now();
        String refusal = state.rejectionOfReport(action, status);
        expect(r, refusal == null ? r.status() : 400, refusal, "report " + status + " on " + action);
        if (refusal == null) {
            if (r.status() >= 300) {
                throw new AssertionError("report " + status + " on " + action + " refused: " + r.raw());
            }
            accepted(device, sent, answered, switch (status) {
                case "InProgress" -> state.started();
                case "Succeeded" -> state.succeeded();
                default -> state.failed();
            });
        }
    }

    private void cancel(DeviceHistory device) {
        ExpectedState state = device.current();
        Instant sent = Instant.now();
        Response r = commands.post("/api/machineactions/" + state.openAction().id() + "/cancel",
                "{\"Comment\":\"Replay test cancels\"}");
        Instant answered = Instant.now();
        expect(r, 200, null, "cancel " + state.openAction().id());
        accepted(device, sent, answered, state.ended());
    }

    /** The pending state lasts at least until the deadline, counted from before the request was sent. */
    private void leaveToTimeOut(DeviceHistory device) {
        ExpectedState state = device.current();
        device.awaitedTimeout = state.openAction().id();
        device.timeoutEarliest = device.actionOpenedSent.plus(actionTimeout);
    }

    private void observeTimeout(DeviceHistory device) {
        if (Instant.now().isBefore(device.timeoutEarliest)) {
            return;
        }
        Response r = reads.get("/api/machineactions/" + device.awaitedTimeout);
        Instant answered = Instant.now();
        if (r.status() == 200 && "TimeOut".equals(r.body().get("status").asText())) {
            events.incrementAndGet();
            timeouts.incrementAndGet();
            device.changed(device.timeoutEarliest, answered, device.current().ended());
            device.awaitedTimeout = null;
        }
    }

    private void accepted(DeviceHistory device, Instant sent, Instant answered, ExpectedState next) {
        events.incrementAndGet();
        if (device.current().openAction() == null && next.openAction() != null) {
            device.actionOpenedSent = sent;
        }
        device.changed(sent, answered, next);
    }

    private void expect(Response r, int status, String errorCode, String what) {
        if (r.status() != status) {
            throw new AssertionError(what + ": expected " + status + " " + (errorCode == null ? "" : errorCode)
                    + " but got " + r.status() + " " + r.raw());
        }
        if (errorCode != null) {
            rejected.incrementAndGet();
            String actual = r.body().at("/error/code").asText();
            if (!errorCode.equals(actual)) {
                throw new AssertionError(what + ": expected " + errorCode + " but got " + r.raw());
            }
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return bytes;
    }
}
