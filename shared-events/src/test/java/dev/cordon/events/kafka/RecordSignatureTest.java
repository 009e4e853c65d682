package dev.cordon.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordSignatureTest {

    private static final String OLD = RecordSignature.newKey("k1");
    private static final String NEW = RecordSignature.newKey("k2");

    @Test
    void aSignedRecord_verifies_andAnyChangeToItsKeyOrValueDoesNot() {
        RecordSignature signature = new RecordSignature(OLD);
        String header = signature.sign("device-1", "{\"type\":\"Isolated\"}");

        assertThat(signature.verify("device-1", "{\"type\":\"Isolated\"}", header)).isTrue();
        assertThat(signature.verify("device-1", "{\"type\":\"Released\"}", header)).isFalse();
        assertThat(signature.verify("device-2", "{\"type\":\"Isolated\"}", header)).isFalse();
        assertThat(signature.verify("device-1", "{\"type\":\"Isolated\"}", null)).isFalse();
        assertThat(signature.verify("device-1", "{\"type\":\"Isolated\"}", "k1:not-base64!")).isFalse();
        assertThat(signature.verify("device-1", "{\"type\":\"Isolated\"}", "k9:" + header.substring(3))).isFalse();
    }

    @Test
    void anotherKey_doesNotVerify() {
        String header = new RecordSignature(NEW).sign("d", "v");
        assertThat(new RecordSignature(OLD).verify("d", "v", header)).isFalse();
    }

    /** Rotation: the first key signs, every configured one verifies. */
    @Test
    void duringRotation_recordsOfBothKeysVerify() {
        String byOld = new RecordSignature(OLD).sign("d", "v");
        RecordSignature both = new RecordSignature(NEW + "," + OLD);
        assertThat(both.verify("d", "v", byOld)).isTrue();
        assertThat(both.sign("d", "v")).startsWith("k2:");
    }

    @Test
    void missingShortOrMalformedKeys_areRefusedWithoutPrintingThem() {
        assertThatThrownBy(() -> new RecordSignature("")).hasMessageContaining("CORDON_KAFKA_SIGNING_KEYS");
        assertThatThrownBy(() -> new RecordSignature("k1:c2hvcnQ=")).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new RecordSignature("secretsecret")).hasMessageContaining("id:base64key")
                .hasMessageNotContaining("secretsecret");
    }
}
