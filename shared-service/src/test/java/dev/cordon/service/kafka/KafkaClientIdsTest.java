package dev.cordon.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaClientIdsTest {

    @Test
    void anOperatorsId_isUsedAsGiven() {
        assertThat(KafkaClientIds.orDefault(" command-side-eu-1 ", "command-side")).isEqualTo("command-side-eu-1");
    }

    @Test
    void unset_isOneOfThisInstancesOwn_neverKafkasDefault() {
        String first = KafkaClientIds.orDefault(null, "query-side");
        String second = KafkaClientIds.orDefault("", "query-side");
        assertThat(first).startsWith("cordon-query-side-").isNotEqualTo(second);
        assertThat(second).startsWith("cordon-query-side-");
    }
}
