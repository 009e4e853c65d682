package dev.cordon.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.upcast.JsonUpcaster;
import dev.cordon.events.upcast.JsonUpcasters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md cannot drift: every catalog event is listed with its type, current revision, its schema's
 * description and fields, and every revision change with the reason its upcaster gives.
 */
class EventsDocTest {

    private static String doc() throws IOException {
        return Files.readString(Path.of("..", "docs", "events.md"));
    }

    @Test
    void eventsDoc_listsEveryCatalogEventAsItsSchemaDescribesIt() throws IOException {
        String doc = doc();
        ObjectMapper json = new ObjectMapper();
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            String schemaPath = "/schemas/" + entry.name() + ".v" + entry.revision() + ".schema.json";
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream(schemaPath)) {
                schema = json.readTree(in);
            }
            List<String> fields = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(f -> fields.add("`" + f + "`"));
            String row = "| `" + entry.name() + "` | `" + entry.cloudEventType() + "` | " + entry.revision() + " | "
                    + schema.get("description").asText() + " | " + String.join(", ", fields) + " |";
            assertThat(doc).as("docs/events.md row for " + entry.name()).contains(row);
        }
    }

    @Test
    void eventsDoc_listsEveryRevisionChangeWithItsReason() throws IOException {
        String doc = doc();
        for (JsonUpcaster upcaster : JsonUpcasters.all()) {
            String row = "| `" + upcaster.eventClass().getSimpleName() + "` | " + upcaster.fromRevision() + " → "
                    + upcaster.toRevision() + " | " + upcaster.change() + " |";
            assertThat(doc).as("docs/events.md revision row for " + upcaster.eventClass().getSimpleName())
                    .contains(row);
        }
    }
}
