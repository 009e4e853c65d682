package dev.cordon.service.testing;

import dev.cordon.events.kafka.RecordSignature;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The tests' record signing key, which every Spring test context is given (TestIssuerContextCustomizerFactory) as a
 * deployment gives both services theirs, and the signature a test's own producer puts on the records it writes.
 */
public final class TestSigning {

    /** As {@code cordon.kafka.signing-keys} takes it; made anew for every test run. */
    public static final String KEYS = RecordSignature.newKey("test");
    private static final RecordSignature SIGNATURE = new RecordSignature(KEYS);

    private TestSigning() {
    }

    /** The record with the signature the command side would give it. */
    public static ProducerRecord<String, String> signed(ProducerRecord<String, String> record) {
        record.headers().add(RecordSignature.HEADER,
                sign(record.key(), record.value()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The {@value RecordSignature#HEADER} header's value for a record with this key and value. */
    public static String sign(String key, String value) {
        return SIGNATURE.sign(key, value);
    }
}
