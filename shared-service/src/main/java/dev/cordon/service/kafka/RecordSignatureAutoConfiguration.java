package dev.cordon.service.kafka;

import dev.cordon.events.kafka.RecordSignature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The topic's record signature from {@code cordon.kafka.signing-keys}, one setting for both sides: the command side
 * signs with it, the query side checks with it (docs/security.md). A side without it does not start.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
public class RecordSignatureAutoConfiguration {

    @Bean
    RecordSignature recordSignature(@Value("${cordon.kafka.signing-keys:}") String signingKeys) {
        return new RecordSignature(signingKeys);
    }
}
