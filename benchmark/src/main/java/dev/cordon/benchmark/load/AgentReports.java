package dev.cordon.benchmark.load;

import dev.cordon.benchmark.launcher.StandaloneLauncher;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Device agents' reports through the base URL ({@code POST /api/agent/machineactions/{id}/status}), one at a time,
 * each with its own machine's agent token: fresh devices isolated (not timed), then each one's agent reports
 * {@code InProgress} and {@code Succeeded}. Taken early in a run and again with the bulk's thousands of actions open:
 * ending an action must cost nothing that grows with the open actions (issue 15; Axon's
 * {@code cancelAllWithinScope} read every scheduled deadline of the system on each).
 */
public final class AgentReports {

    private static final int REGISTRATION_CONNECTIONS = 16;

    /** Each isolated device's open action, with its own agent's client. */
    public record Prepared(List<CordonApi> agents, List<String> actions) {

        /** Each agent's InProgress then Succeeded report, one at a time: the latency of each, in nanoseconds. */
        public List<Long> report() {
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                for (String status : List.of("InProgress", "Succeeded")) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = agents.get(i).call("POST", "/api/agent/machineactions/"
                            + actions.get(i) + "/status", "{\"status\":\"" + status + "\"}");
                    latencies.add(System.nanoTime() - start);
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("The agent's " + status + " report on " + actions.get(i)
                                + " answered " + answer.statusCode() + ": " + answer.body());
                    }
                }
            }
            return latencies;
        }
    }

    private AgentReports() {
    }

    /** Fresh devices, each isolated, and an agent's client and token per device (none of it timed). */
    public static Prepared prepare(CordonApi api, StandaloneLauncher launcher, URI tokenUrl, int devices) {
        Map<String, String> actionByDevice = new LinkedHashMap<>();
        for (String device : Devices.register(api, devices, REGISTRATION_CONNECTIONS)) {
            HttpResponse<String> isolated = api.isolate(device);
            if (isolated.statusCode() != 201) {
                throw new IllegalStateException("Isolating " + device + " answered " + isolated.statusCode() + ": "
                        + isolated.body());
            }
            actionByDevice.put(device, CordonApi.actionId(isolated));
        }
        List<StandaloneLauncher.ClientSecret> clients = launcher.addAgents(List.copyOf(actionByDevice.keySet()));
        List<CordonApi> agents = new ArrayList<>();
        for (StandaloneLauncher.ClientSecret client : clients) {
            agents.add(api.signInAs(tokenUrl, client.clientId(), client.clientSecret()));
        }
        return new Prepared(agents, List.copyOf(actionByDevice.values()));
    }
}
