package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.cordon.command.support.CommandSideInstances.api;
import static dev.cordon.command.support.CommandSideInstances.jdbc;

import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.Concurrently;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Ending an action among thousands of open ones on other devices touches only its own deadline: the cost of an agent's
 * final report or a cancel does not grow with the open actions (a mass isolation's reports were quadratic while every
 * end called cancelAllWithinScope, which reads every row of scheduled_tasks). The timings are printed, not asserted.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class EndingAnActionAmongManyOpenIT {

    private static final TestDatabase DB = TestDatabase.create("dl_cmd_open_actions");
    private static final int OPEN_ELSEWHERE = 2_000;
    private static final int ENDED = 20;
    private static final int CLIENTS = 4;

    @Test
    void ending_oneActionAmongThousandsOpen_cancelsOnlyItsOwnDeadline_byItsId() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            HttpApi api = api(context);
            DeadlineManager deadlines = context.getBean(DeadlineManager.class);
            medianMillisToEnd(api, "warmup", ENDED); // the first commands of a JVM are slow for other reasons
            double quiet = medianMillisToEnd(api, "quiet", ENDED);

            Concurrently.run(CLIENTS, client -> {
                for (int i = client; i < OPEN_ELSEWHERE; i += CLIENTS) {
                    openAction(api, "open" + i);
                }
                return null;
            });
            assertThat(count(context, "scheduled_tasks")).isEqualTo(OPEN_ELSEWHERE);
            Mockito.clearInvocations(deadlines);

            double busy = medianMillisToEnd(api, "busy", ENDED);
            System.out.printf("The agent's Succeeded report that ends an action, median of %d: %.1f ms with no"
                    + " other open action, %.1f ms with %d open on other devices%n", ENDED, quiet, busy,
                    OPEN_ELSEWHERE);

            assertThat(calls(deadlines, "cancelAllWithinScope")).as("no end reads every scheduled deadline").isZero();
            assertThat(calls(deadlines, "cancelSchedule")).as("each end cancels its own deadline").isEqualTo(ENDED);
            assertThat(count(context, "scheduled_tasks")).as("the other actions' deadlines are all still there")
                    .isEqualTo(OPEN_ELSEWHERE);
            assertThat(count(context, "action_deadlines")).isEqualTo(OPEN_ELSEWHERE);
        }
    }

    /** Opens and ends {@code n} actions, one device each; the median time of the ending report. */
    private static double medianMillisToEnd(HttpApi api, String prefix, int n) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String actionId = openAction(api, prefix + i);
            long started = System.nanoTime();
            assertThat(api.report(actionId, "Succeeded").status()).isBetween(200, 299);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String openAction(HttpApi api, String name) {
        String device = name + UUID.randomUUID().toString().replace("-", "");
        assertThat(api.register(device, "host-" + name, "Windows11", "22631").status()).isBetween(200, 201);
        HttpApi.Response isolated = api.isolate(device, "Full");
        assertThat(isolated.status()).isEqualTo(201);
        return isolated.body().get("id").asText();
    }

    private static long calls(DeadlineManager deadlines, String method) {
        return Mockito.mockingDetails(deadlines).getInvocations().stream()
                .map(Invocation::getMethod).filter(m -> m.getName().equals(method)).count();
    }

    private static int count(ConfigurableApplicationContext context, String table) {
        return jdbc(context).queryForObject("select count(*) from " + table, Integer.class);
    }

    private static ConfigurableApplicationContext start() {
        return CommandSideInstances.start(DB, EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                List.of(CountedDeadlines.class), "--spring.datasource.hikari.maximum-pool-size=4",
                // One test client opens thousands of actions: the per-caller limits are not what is measured here.
                "--cordon.rate-limits.machine-actions.per-minute=1000000",
                "--cordon.rate-limits.machine-actions.per-hour=10000000");
    }

    /**
     * Counts the calls on the real deadline manager: a Mockito spy is of its own class, which db-scheduler's task
     * looks the manager up by, so deadlines still fire through it.
     */
    @Configuration(proxyBeanMethods = false)
    static class CountedDeadlines {

        @Bean
        static BeanPostProcessor countingDeadlineManager() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DeadlineManager && !Mockito.mockingDetails(bean).isSpy()
                            ? Mockito.spy(bean) : bean;
                }
            };
        }
    }
}
