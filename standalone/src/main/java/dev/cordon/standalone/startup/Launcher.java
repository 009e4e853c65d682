package dev.cordon.standalone.startup;

import dev.cordon.standalone.cluster.ClusterLauncher;
import dev.cordon.standalone.config.StandaloneProperties;
import dev.cordon.standalone.database.Databases;
import dev.cordon.standalone.database.EmbeddedH2;
import dev.cordon.standalone.database.ExternalPostgres;
import dev.cordon.standalone.disk.DataDirectoryCheck;
import dev.cordon.standalone.disk.DiskWatch;
import dev.cordon.standalone.files.OwnerOnly;
import dev.cordon.standalone.gateway.Upstreams;
import dev.cordon.standalone.health.LauncherHealth;
import dev.cordon.standalone.identity.IdentitySetup;
import dev.cordon.standalone.identity.TokenClient;
import dev.cordon.standalone.kafka.BrokerCredentials;
import dev.cordon.standalone.kafka.KafkaBroker;
import dev.cordon.standalone.process.Backoff;
import dev.cordon.standalone.process.ChildProcess;
import dev.cordon.standalone.process.FreePorts;
import dev.cordon.standalone.process.Stoppable;
import dev.cordon.standalone.process.Supervisor;
import dev.cordon.standalone.services.CordonService;
import dev.cordon.standalone.services.ServiceEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Starts Cordon once the gateway listens (it answers 503 until then): the database, the broker, both services;
 * then routes to them and prints where everything is. Stops in the reverse order - the services first, which
 * flush to the broker and the database, then the broker, then the database - when the launcher is stopped
 * (Ctrl-C, SIGTERM). A child that dies on its own is started again by its {@link Supervisor}; the launcher's
 * {@code /health} tells which are up, how often each was restarted, and the data directory's free space.
 */
@Component
@Profile("!" + ClusterLauncher.PROFILE)
class Launcher implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);

    private final StandaloneProperties properties;
    private final Upstreams upstreams;
    private final WebServerApplicationContext context;
    private final ServerProperties server;
    private final DiskWatch disk;
    private final LauncherHealth health;
    /** What to stop, last started first. Guarded by {@code this}. */
    private final Deque<Step> started = new ArrayDeque<>();
    private boolean stopping;
    /** Set once start() returned or failed on its own: a stop before that is a Ctrl-C during start-up. */
    private boolean startEnded;

    private record Step(String name, Runnable stop) {
    }

    Launcher(StandaloneProperties properties, Upstreams upstreams, WebServerApplicationContext context,
            ServerProperties server, DiskWatch disk, LauncherHealth health) {
        this.properties = properties;
        this.upstreams = upstreams;
        this.context = context;
        this.server = server;
        this.disk = disk;
        this.health = health;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            start();
            synchronized (this) {
                startEnded = true;
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                startEnded = true;
                if (!stopping) {
                    throw e;
                }
            }
            // Ctrl-C during start-up: what failed is only what was being stopped; destroy() said so.
        }
    }

    private void start() {
        Path data = properties.dataDir().toAbsolutePath().normalize();
        Path logs = data.resolve("logs");
        try {
            // Its owner's only: the token service's keys and client hashes, the databases and the logs are in there.
            OwnerOnly.directory(data);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new StartupFailedException(DataDirectoryCheck.notWritable(data), null);
        }
        DataDirectoryCheck.atStart(data, DiskWatch.thresholds(properties));
        ProgramLayout layout = ProgramLayout.locate(properties.home());
        Duration timeout = properties.startupTimeout();
        URI baseUrl = BaseUrl.of(context, server);
        Path identityDirectory = IdentitySetup.directory(data);
        IdentitySetup identity = IdentitySetup.run(layout.tokenServiceJar(), identityDirectory,
                properties.javaOptions(), layout.watchdogAgent(), properties.seedDemoDevices());

        Databases databases = startDatabase(data);
        ServiceEnvironment.Broker kafka = startKafka(layout, data, logs, timeout);

        int tokenPort = FreePorts.next();
        int commandPort = FreePorts.nextExcept(tokenPort);
        int queryPort = FreePorts.nextExcept(tokenPort, commandPort);
        URI tokenService = URI.create("http://127.0.0.1:" + tokenPort);
        ServiceEnvironment.Trust trust = new ServiceEnvironment.Trust(identity.issuer(baseUrl.toString()),
                identity.keysUrl(tokenService.toString()), baseUrl.toString(), RecordSigningKey.of(data));
        log.info("Starting the token service, the command side and the query side");
        List<Stoppable> services = new CopyOnWriteArrayList<>();
        register("the services", () -> stopInParallel(services));
        CordonService tokens = CordonService.start("token service", layout.tokenServiceJar(), tokenPort,
                ServiceEnvironment.tokenService(tokenPort, identityDirectory, baseUrl.toString()),
                properties.javaOptions(), layout.watchdogAgent(), logs.resolve("token-service.log"),
                properties.logs());
        track(services, tokens.process());
        CordonService commandSide = CordonService.start("command side", layout.commandSideJar(), commandPort,
                ServiceEnvironment.commandSide(commandPort, databases.eventStore(), kafka,
                        properties.seedDemoDevices(), properties.agentSimulation(), trust,
                        "http://127.0.0.1:" + queryPort),
                properties.javaOptions(), layout.watchdogAgent(), logs.resolve("command-side.log"),
                properties.logs());
        track(services, commandSide.process());
        ServiceEnvironment.Dashboard dashboard = new ServiceEnvironment.Dashboard(identity.dashboard().clientId(),
                identity.dashboard().clientSecret(), identity.authorizeUrl(baseUrl.toString()),
                identity.tokenUrl(tokenService.toString()), identity.logoutUrl(baseUrl.toString()),
                "http://127.0.0.1:" + commandPort);
        CordonService querySide = CordonService.start("query side", layout.querySideJar(), queryPort,
                ServiceEnvironment.querySide(queryPort, databases.query(), databases.eventStore(), kafka, trust,
                        dashboard),
                properties.javaOptions(), layout.watchdogAgent(), logs.resolve("query-side.log"),
                properties.logs());
        track(services, querySide.process());
        tokens.awaitHealthy(timeout);
        commandSide.awaitHealthy(timeout);
        querySide.awaitHealthy(timeout);
        for (CordonService service : List.of(tokens, commandSide, querySide)) {
            ChildProcess first = service.process();
            Supervisor supervisor = supervise(first, service::start, child -> service.awaitHealthy(child, timeout));
            services.replaceAll(stoppable -> stoppable == first ? supervisor : stoppable);
        }
        upstreams.setTokenService(tokenService, identity.tenant());
        upstreams.set(commandSide.baseUri(), querySide.baseUri());

        TokenClient launcherToken = new TokenClient(identity.tokenUrl(tokenService.toString()), identity.launcher());
        List<DemoDevice> devices = DeviceList.read(baseUrl, launcherToken, properties.seedDemoDevices(),
                Duration.ofSeconds(30));
        Duration startedIn = Duration.ofMillis(System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime());
        health.running(true);
        System.out.println(QuickStart.text(baseUrl.toString(), identity, devices, properties.agentSimulation(), data,
                logs, startedIn));
        System.out.flush();
    }

    private Databases startDatabase(Path data) {
        StandaloneProperties.Database db = properties.database();
        Databases databases;
        if (db.external()) {
            databases = ExternalPostgres.prepare(db.url(), db.user(), db.password(), db.eventStoreName(),
                    db.queryName());
        } else {
            databases = EmbeddedH2.start(data.resolve("h2"), db.eventStoreName(), db.queryName());
        }
        log.info("Database: {}", databases.description());
        register("the database", () -> {
            try {
                databases.server().close();
            } catch (Exception e) {
                log.warn("Stopping the database failed: {}", e.toString());
            }
        });
        return databases;
    }

    private ServiceEnvironment.Broker startKafka(ProgramLayout layout, Path data, Path logs, Duration timeout) {
        StandaloneProperties.Kafka kafka = properties.kafka();
        if (kafka.external()) {
            log.info("Kafka: {}", kafka.bootstrapServers());
            return ServiceEnvironment.Broker.external(kafka.bootstrapServers(), kafka.topic(), kafka.consumerGroup());
        }
        log.info("Starting the Kafka broker");
        AtomicReference<Stoppable> stopBroker = new AtomicReference<>();
        KafkaBroker.Running broker = KafkaBroker.start(layout.kafkaLib(), layout.watchdogAgent(),
                kafka.javaOptions(), data, logs.resolve("kafka.log"), properties.logs(), timeout, kafka.topic(),
                kafka.consumerGroup(), process -> {
                    stopBroker.set(process);
                    register("the Kafka broker", () -> stopBroker.get().stop(properties.stopTimeout()));
                });
        stopBroker.set(supervise(broker.process(), broker.launch()::start, broker.launch()::awaitReady));
        log.info("Kafka: {} (SASL/SCRAM, one user per service)", broker.bootstrapServers());
        BrokerCredentials credentials = broker.credentials();
        return new ServiceEnvironment.Broker(broker.bootstrapServers(), kafka.topic(), kafka.consumerGroup(),
                credentials.clientEnvironment(BrokerCredentials.COMMAND_SIDE),
                credentials.clientEnvironment(BrokerCredentials.QUERY_SIDE));
    }

    /** Once stopping has begun, whatever is started late is stopped at once. */
    private void register(String name, Runnable stop) {
        boolean late;
        synchronized (this) {
            late = stopping;
            if (!late) {
                started.push(new Step(name, stop));
            }
        }
        if (late) {
            stop.run();
            throw new StartupFailedException("Stopped during start-up", null);
        }
    }

    /** Stopping may have begun while the child was being started: then it is stopped here. */
    private void track(List<Stoppable> services, ChildProcess child) {
        services.add(child);
        if (isStopping()) {
            child.stop(properties.stopTimeout());
            throw new StartupFailedException("Stopped during start-up", null);
        }
    }

    /** From now on, the child is started again should it die; not while the data directory has no room. */
    private Supervisor supervise(ChildProcess child, Supervisor.Start start, Supervisor.Ready ready) {
        StandaloneProperties.Restart restart = properties.restart();
        Supervisor supervisor = new Supervisor(child, start, ready,
                new Backoff(restart.initialDelay(), restart.maxDelay(), restart.stableAfter()), this::isStopping,
                () -> !disk.report().down());
        health.watch(supervisor);
        return supervisor;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void stopInParallel(List<Stoppable> children) {
        CompletableFuture.allOf(children.stream()
                .map(child -> CompletableFuture.runAsync(() -> child.stop(properties.stopTimeout())))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Runs when the context closes: after Ctrl-C or SIGTERM, after a failed start, or after a child died. */
    @Override
    public void destroy() {
        health.running(false);
        upstreams.clear();
        Deque<Step> toStop;
        boolean duringStartUp;
        synchronized (this) {
            stopping = true;
            duringStartUp = !startEnded;
            toStop = new ArrayDeque<>(started);
            started.clear();
        }
        if (!toStop.isEmpty()) {
            log.info("Stopping Cordon");
        }
        for (Step step : toStop) {
            Instant begin = Instant.now();
            step.stop().run();
            log.info("Stopped {} ({} ms)", step.name(), Duration.between(begin, Instant.now()).toMillis());
        }
        if (duringStartUp) {
            // Said here, by the stopping thread: the JVM may exit before the starting thread wakes to say it.
            log.info("Stopped during start-up");
        }
    }
}
