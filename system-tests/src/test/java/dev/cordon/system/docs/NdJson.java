package dev.cordon.system.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * Newline-delimited JSON ({@code application/x-ndjson}), read strictly: every line is exactly one JSON document,
 * and only the last line may be empty (the newline that ends the last document).
 */
public final class NdJson {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private NdJson() {
    }

    /** @throws IllegalArgumentException naming the first line that is not one JSON document */
    public static ArrayNode parse(String text) {
        ArrayNode documents = JSON.createArrayNode();
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() && i == lines.size() - 1) {
                break;
            }
            try {
                JsonNode document = JSON.readTree(line);
                if (document == null || document.isMissingNode()) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is empty");
                }
                documents.add(document);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not one JSON document: " + line, e);
            }
        }
        return documents;
    }
}
