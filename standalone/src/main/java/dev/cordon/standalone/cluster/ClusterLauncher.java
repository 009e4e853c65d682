package dev.cordon.standalone.cluster;

import dev.cordon.standalone.config.StandaloneProperties;
import dev.cordon.standalone.database.Databases;
import dev.cordon.standalone.database.ExternalPostgres;
import dev.cordon.standalone.disk.DiskWatch;
import dev.cordon.standalone.files.OwnerOnly;
import dev.cordon.standalone.gateway.Upstreams;
import dev.cordon.standalone.health.LauncherHealth;
import dev.cordon.standalone.identity.IdentitySetup;
import dev.cordon.standalone.identity.TokenClient;
import dev.cordon.standalone.kafka.BrokerCredentials;
import dev.cordon.standalone.process.Backoff;
import dev.cordon.standalone.process.ChildProcess;
import dev.cordon.standalone.process.FreePorts;
import dev.cordon.standalone.process.Stoppable;
import dev.cordon.standalone.process.Supervisor;
import dev.cordon.standalone.services.CordonService;
import dev.cordon.standalone.services.ServiceEnvironment;
import dev.cordon.standalone.startup.BaseUrl;
import dev.cordon.standalone.startup.DemoDevice;
import dev.cordon.standalone.startup.DeviceList;
import dev.cordon.standalone.startup.ProgramLayout;
import dev.cordon.standalone.startup.QuickStart;
import dev.cordon.standalone.startup.RecordSigningKey;
import dev.cordon.standalone.startup.StartupFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The cluster mode ({@code ./cordon.sh cluster}, the {@value #PROFILE} profile): docker/compose.yaml's topology as
 * processes on this machine - three KRaft brokers, PostgreSQL (a server that runs already), N command-side and M
 * query-side instances, the token service - behind the gateway, which spreads each side's requests over its
 * instances. A child that dies is started again by its {@link Supervisor}, with the standalone mode's backoff, and the
 * base URL's {@code /health} tells each child's state and restarts; Ctrl-C or SIGTERM stops the services first, then
 * the brokers.
 */
@Component
@Profile(ClusterLauncher.PROFILE)
public class ClusterLauncher implements ApplicationRunner, DisposableBean {

    public static final String PROFILE = "cluster";

    private static final Logger log = LoggerFactory.getLogger(ClusterLauncher.class);

    private final StandaloneProperties standalone;
    private final ClusterProperties cluster;
    private final Upstreams upstreams;
    private final WebServerApplicationContext context;
    private final ServerProperties server;
    private final DiskWatch disk;
    private final LauncherHealth health;
    /** What to stop: each child, or once it is ready, its supervisor. */
    private final List<Stoppable> services = new CopyOnWriteArrayList<>();
    private final List<Stoppable> brokers = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    ClusterLauncher(StandaloneProperties standalone, ClusterProperties cluster, Upstreams upstreams,
            WebServerApplicationContext context, ServerProperties server, DiskWatch disk, LauncherHealth health) {
        this.standalone = standalone;
        this.cluster = cluster;
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
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            log.info("Stopped during start-up");
        }
    }

    private void start() {
        ClusterTopology topology = ClusterTopology.DEFAULT;
        Path data = standalone.dataDir().toAbsolutePath().normalize();
        Path clusterDir = data.resolve("cluster");
        Path logs = clusterDir.resolve("logs");
        try {
            OwnerOnly.directory(data);
            OwnerOnly.directory(clusterDir);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + clusterDir, e);
        }
        ProgramLayout layout = ProgramLayout.locate(standalone.home());
        Duration timeout = cluster.startupTimeout();
        URI baseUrl = BaseUrl.of(context, server);
        // The standalone mode's identity directory: ./cordon.sh clients and users manage both modes' clients.
        Path identityDirectory = IdentitySetup.directory(data);
        IdentitySetup identity = IdentitySetup.run(layout.tokenServiceJar(), identityDirectory,
                standalone.javaOptions(), layout.watchdogAgent(), standalone.seedDemoDevices());
        Databases databases = databases();
        log.info("Database: {} ({}, {})", databases.description(), cluster.eventStoreName(), cluster.queryName());

        log.info("Starting {} Kafka brokers", topology.brokers());
        StandaloneProperties.Kafka kafka = standalone.kafka();
        KafkaCluster.Running brokerCluster = KafkaCluster.start(layout.kafkaLib(), layout.watchdogAgent(),
                kafka.javaOptions(), clusterDir, logs, standalone.logs(), topology, timeout, kafka.topic(),
                kafka.consumerGroup(), this::trackBroker);
        for (KafkaCluster.Node node : brokerCluster.nodes()) {
            Supervisor supervisor = supervise(node.process(), node.launch()::start, node.launch()::awaitReady);
            brokers.replaceAll(stoppable -> stoppable == node.process() ? supervisor : stoppable);
        }
        log.info("Kafka: {} (SASL/SCRAM, one user per side)", brokerCluster.bootstrapServers());
        ServiceEnvironment.Broker broker = asTheServicesSeeIt(brokerCluster, kafka);

        List<Integer> taken = new ArrayList<>();
        int tokenPort = port(taken);
        URI tokenService = URI.create("http://127.0.0.1:" + tokenPort);
        log.info("Starting the token service, {} command sides and {} query sides", cluster.commandSides(),
                cluster.querySides());
        List<Instance> instances = new ArrayList<>();
        Map<String, String> tokenEnv = ServiceEnvironment.tokenService(tokenPort, identityDirectory,
                baseUrl.toString());
        tokenEnv.putAll(ClusterEnvironment.tokenService());
        instances.add(startService(new Instance("token service", layout.tokenServiceJar(), tokenPort, tokenEnv,
                logs.resolve("token-service.log")), layout.watchdogAgent()));
        ServiceEnvironment.Trust trust = new ServiceEnvironment.Trust(identity.issuer(baseUrl.toString()),
                identity.keysUrl(tokenService.toString()), baseUrl.toString(), RecordSigningKey.of(data));
        instances.addAll(startCommandSides(layout, logs, databases, broker, trust, topology, taken));
        instances.addAll(startQuerySides(layout, logs, databases, broker, trust, identity, tokenService, baseUrl,
                taken));
        awaitReady(instances, timeout);
        for (Instance instance : instances) {
            ChildProcess first = instance.service().process();
            Supervisor supervisor = supervise(first, instance.service()::start,
                    child -> instance.service().awaitHealthy(child, timeout));
            services.replaceAll(stoppable -> stoppable == first ? supervisor : stoppable);
        }
        upstreams.setTokenService(tokenService, identity.tenant());
        upstreams.set(uris(instances, "command side"), uris(instances, "query side"));

        TokenClient launcherToken = new TokenClient(identity.tokenUrl(tokenService.toString()), identity.launcher());
        List<DemoDevice> devices = DeviceList.read(baseUrl, launcherToken, standalone.seedDemoDevices(),
                Duration.ofSeconds(60));
        Duration startedIn = Duration.ofMillis(System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime());
        System.out.println(ClusterSummary.text(topology, brokerCluster.bootstrapServers(), databases.description(),
                instances.stream().map(i -> new ClusterSummary.Child(i.name(), i.port(),
                        i.service().process().pid())).toList())
                + QuickStart.text(baseUrl.toString(), identity, devices, standalone.agentSimulation(), clusterDir,
                logs, startedIn));
        health.running(true);
        System.out.flush();
    }

    /** From now on, the child is started again should it die; not while the data directory has no room. */
    private Supervisor supervise(ChildProcess child, Supervisor.Start start, Supervisor.Ready ready) {
        StandaloneProperties.Restart restart = standalone.restart();
        Supervisor supervisor = new Supervisor(child, start, ready,
                new Backoff(restart.initialDelay(), restart.maxDelay(), restart.stableAfter()), () -> stopping,
                () -> !disk.report().down());
        health.watch(supervisor);
        return supervisor;
    }

    /** Every broker, the one topic and group the services were granted, and each side's own login. */
    private static ServiceEnvironment.Broker asTheServicesSeeIt(KafkaCluster.Running brokers,
            StandaloneProperties.Kafka kafka) {
        BrokerCredentials credentials = brokers.credentials();
        return new ServiceEnvironment.Broker(brokers.bootstrapServers(), kafka.topic(), kafka.consumerGroup(),
                credentials.clientEnvironment(BrokerCredentials.COMMAND_SIDE),
                credentials.clientEnvironment(BrokerCredentials.QUERY_SIDE));
    }

    private List<Instance> startCommandSides(ProgramLayout layout, Path logs, Databases databases,
            ServiceEnvironment.Broker broker, ServiceEnvironment.Trust trust, ClusterTopology topology,
            List<Integer> taken) {
        List<Instance> started = new ArrayList<>();
        for (int n = 1; n <= cluster.commandSides(); n++) {
            int port = port(taken);
            // The demo devices are registered once, by the first; every instance plays the agent (a report that
            // loses the race to another instance's is refused by the device and dropped).
            // A bulk's Filter is resolved by whichever query side the gateway finds up.
            Map<String, String> env = ServiceEnvironment.commandSide(port, databases.eventStore(), broker,
                    standalone.seedDemoDevices() && n == 1, standalone.agentSimulation(), trust,
                    trust.publicBaseUrl());
            env.putAll(ClusterEnvironment.commandSide(n, topology));
            started.add(startService(new Instance("command side " + n, layout.commandSideJar(), port, env,
                    logs.resolve("command-side-" + n + ".log")), layout.watchdogAgent()));
        }
        return started;
    }

    private List<Instance> startQuerySides(ProgramLayout layout, Path logs, Databases databases,
            ServiceEnvironment.Broker broker, ServiceEnvironment.Trust trust, IdentitySetup identity,
            URI tokenService, URI baseUrl, List<Integer> taken) {
        // The dashboard's writes go through the gateway, which spreads them over the command sides.
        ServiceEnvironment.Dashboard dashboard = new ServiceEnvironment.Dashboard(identity.dashboard().clientId(),
                identity.dashboard().clientSecret(), identity.authorizeUrl(baseUrl.toString()),
                identity.tokenUrl(tokenService.toString()), identity.logoutUrl(baseUrl.toString()),
                baseUrl.toString());
        List<Instance> started = new ArrayList<>();
        for (int n = 1; n <= cluster.querySides(); n++) {
            int port = port(taken);
            Map<String, String> env = ServiceEnvironment.querySide(port, databases.query(), databases.eventStore(),
                    broker, trust, dashboard);
            env.putAll(ClusterEnvironment.querySide(n));
            started.add(startService(new Instance("query side " + n, layout.querySideJar(), port, env,
                    logs.resolve("query-side-" + n + ".log")), layout.watchdogAgent()));
        }
        return started;
    }

    /** A service of the cluster, its start-up settings, and once started, how to start it again. */
    private record Instance(String name, Path jar, int port, Map<String, String> environment, Path log,
                            CordonService service) {

        Instance(String name, Path jar, int port, Map<String, String> environment, Path log) {
            this(name, jar, port, environment, log, null);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /** Started; a stop during start-up finds it. */
    private Instance startService(Instance instance, Path watchdogAgent) {
        CordonService service = CordonService.start(instance.name(), instance.jar(), instance.port(),
                instance.environment(), standalone.javaOptions(), watchdogAgent, instance.log(), standalone.logs());
        services.add(service.process());
        if (stopping) {
            service.process().stop(standalone.stopTimeout());
            throw new StartupFailedException("Stopped during start-up", null);
        }
        return new Instance(instance.name(), instance.jar(), instance.port(), instance.environment(), instance.log(),
                service);
    }

    private void trackBroker(ChildProcess broker) {
        brokers.add(broker);
        if (stopping) {
            broker.stop(standalone.stopTimeout());
            throw new StartupFailedException("Stopped during start-up", null);
        }
    }

    /** In parallel: several services starting at once take less time than one after the other, even on 2 cores. */
    private static void awaitReady(List<Instance> instances, Duration timeout) {
        CompletableFuture.allOf(instances.stream().map(i -> CompletableFuture.runAsync(() ->
                        i.service().awaitHealthy(timeout)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static List<URI> uris(List<Instance> instances, String side) {
        return instances.stream().filter(i -> i.name().startsWith(side)).map(Instance::uri).toList();
    }

    /** The server given by CORDON_DATABASE_URL, else the machine's own; the cluster's own two databases on it. */
    private Databases databases() {
        StandaloneProperties.Database db = standalone.database();
        String url = db.external() ? db.url() : cluster.databaseUrl();
        return ExternalPostgres.prepare(url, db.user(), db.password(), cluster.eventStoreName(), cluster.queryName());
    }

    private static int port(List<Integer> taken) {
        int port = FreePorts.nextExcept(taken.stream().mapToInt(Integer::intValue).toArray());
        taken.add(port);
        return port;
    }

    /** The services first, which flush to the brokers and the database, then the brokers; each group in parallel. */
    @Override
    public void destroy() {
        stopping = true;
        health.running(false);
        upstreams.clear();
        if (services.isEmpty() && brokers.isEmpty()) {
            return;
        }
        log.info("Stopping the cluster");
        stopAll(services);
        log.info("Stopped the services");
        stopAll(brokers);
        log.info("Stopped the brokers");
    }

    private void stopAll(List<Stoppable> children) {
        CompletableFuture.allOf(children.stream()
                .map(child -> CompletableFuture.runAsync(() -> child.stop(standalone.stopTimeout())))
                .toArray(CompletableFuture[]::new)).join();
    }
}
