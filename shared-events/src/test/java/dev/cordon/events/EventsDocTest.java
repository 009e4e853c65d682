package dev.cordon.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.kafka.EventCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/events.md cannot drift: every catalog event is listed with its type, its schema's description and fields. */
class EventsDocTest {

    @Test
    void eventsDoc_listsEveryCatalogEventAsItsSchemaDescribesIt() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        ObjectMapper json = new ObjectMapper();
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            String schemaPath = "/schemas/" + entry.name() + ".v" + entry.revision() + ".schema.json";
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream(schemaPath)) {
                schema = json.readTree(in);
            }
            List<String> fields = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(f -> fields.add("`" + f + "`"));
            String row = "| `" + entry.name() + "` | `" + entry.cloudEventType() + "` | "
                    + schema.get("description").asText() + " | " + String.join(", ", fields) + " |";
            assertThat(doc).as("docs/events.md row for " + entry.name()).contains(row);
        }
    }
}
