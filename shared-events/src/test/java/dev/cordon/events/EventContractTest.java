package dev.cordon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventCatalog.Entry;
import dev.cordon.events.kafka.EventJson;
import dev.cordon.events.upcast.JsonUpcasters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire contract of every published event: its JSON Schema ({@code schemas/<Name>.v<revision>.schema.json}),
 * a fixture per revision ({@code fixtures/<Name>.v<revision>.json}, kept forever as written), the record and
 * {@link EventCatalog} must all agree, and every older revision must upcast to the current one.
 */
class EventContractTest {

    private static final ObjectMapper MAPPER = EventJson.newMapper();
    private static final JsonSchemaFactory SCHEMA_FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** 2020-12 treats {@code format} as an annotation by default; the contract means it (date-time, uri). */
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final String ENVELOPE_SCHEMA = "/schemas/DeviceCloudEvent.schema.json";
    /**
     * SHA-256 of every fixture of revision 1 and of every superseded schema, as first committed. Events of these
     * revisions are stored and on the topic: readers must keep reading them exactly as they were written.
     */
    private static final Map<String, String> FROZEN = Map.ofEntries(
            Map.entry("/fixtures/DeviceDetailsUpdatedEvent.v1.json",
                    "6a7fdf52d978b43295bf2178e07ca60cc35a9479a072b04fe8c4df383c48dabd"),
            Map.entry("/fixtures/DeviceIsolatedEvent.v1.json",
                    "c103aac4493b35657335ad5221ef5c780024a199c3614c958d0e663846daaa1d"),
            Map.entry("/fixtures/DeviceIsolationFailedEvent.v1.json",
                    "5a9c948f6c439c2b81c3f8a73d6a92ddf2a5e322f34a9b4f32302e9cb1b21f0b"),
            Map.entry("/fixtures/DeviceIsolationRequestedEvent.v1.json",
                    "147716b54ca064eb8112ccea499bd0b63a896fae29fa05a3c5b8355af95d1531"),
            Map.entry("/fixtures/DeviceRegisteredEvent.v1.json",
                    "3f8c3298284ad9e525da926c402c9fa485251bd93acb5c4c0cf1b1ff3368c0fd"),
            Map.entry("/fixtures/DeviceReleaseFailedEvent.v1.json",
                    "7ec9f377d117cedd0cdf0ac63d5843c59f7a1d0936ed06fcf439c1de14cbdea8"),
            Map.entry("/fixtures/DeviceReleaseRequestedEvent.v1.json",
                    "bb67528c2158f7745b4a7ae90c36fcd16c1286a4affc41d1d7f6e547fe24a142"),
            Map.entry("/fixtures/DeviceGroupChangedEvent.v1.json",
                    "f7bdc36a5d99e5a5cc7f00cd73175650dacdc07993d8181dc5fb4fd3ea93fba4"),
            Map.entry("/fixtures/DeviceTagAddedEvent.v1.json",
                    "baec22ca88662a0cbbb380c03ca325fa572fb366d380896cca82e3a06cec64e2"),
            Map.entry("/fixtures/DeviceTagRemovedEvent.v1.json",
                    "80a0acc69951a8b106fc20de825d926f3e5a248da5e192ff4fc149badb966ed2"),
            Map.entry("/fixtures/DeviceReleasedEvent.v1.json",
                    "453250dcce55845fc86b79d2b44db671599d56a73165689c502892fe3eabb17b"),
            Map.entry("/fixtures/MachineActionCancelledEvent.v1.json",
                    "380f2aef13e46f2f9e77c0cdcab72ed35c474998a808dbb9fbb48b8ef8c4e46e"),
            Map.entry("/fixtures/MachineActionStartedEvent.v1.json",
                    "e70f64fa61bc11651ce0a6ff848c12c90dcb855c27c56c5508c76e89d47f0cf0"),
            Map.entry("/fixtures/MachineActionTimedOutEvent.v1.json",
                    "793650ac9effceda69ae1bb9357dc16ec4c8fa2ffb719f40c7cc97275ebd4efb"),
            Map.entry("/schemas/DeviceDetailsUpdatedEvent.v1.schema.json",
                    "7f4f592ae9dca72131138c83d01b1122dde34079b6c57affe5f0d80c98a34801"),
            Map.entry("/schemas/DeviceIsolationRequestedEvent.v1.schema.json",
                    "92afdbab0e675fdb20e658a5c1fc5fa7a70495517ede6409516dd1fe87b140c5"),
            Map.entry("/schemas/DeviceRegisteredEvent.v1.schema.json",
                    "8942cb27561d08128ba8cef8dbdb36bee4920ffdcfc1afd58e32cfd952771b5f"),
            Map.entry("/fixtures/DeviceIsolationRequestedEvent.v2.json",
                    "b4bad1ec84c7c40abeac62823f015f4f468b18bc8bdf90384905140dd9dac447"),
            Map.entry("/schemas/DeviceIsolationRequestedEvent.v2.schema.json",
                    "814d25df7571d53f7632a33cb32ee954e4dd7cc5a941e3ed112b00d0786c2e8f"),
            Map.entry("/schemas/DeviceReleaseRequestedEvent.v1.schema.json",
                    "3e973a3c4eadd91ae5b7ceeb12f3f9dc12612e124e6b23e59ca837b6927c07d5"));

    static Stream<Named<Entry>> entries() {
        return EventCatalog.entries().stream().map(entry -> Named.of(entry.name(), entry));
    }

    /** Every revision every event ever had. */
    static Stream<Arguments> revisions() {
        return EventCatalog.entries().stream().flatMap(entry -> entry.revisions().stream()
                .map(revision -> arguments(Named.of(entry.name(), entry), revision)));
    }

    /** The revisions events had before their current one: stored and published events of these still exist. */
    static Stream<Arguments> olderRevisions() {
        return revisions().filter(arguments -> !((Entry) ((Named<?>) arguments.get()[0]).getPayload()).revision()
                .equals(arguments.get()[1]));
    }

    static Stream<Arguments> requiredFields() {
        return EventCatalog.entries().stream()
                .flatMap(entry -> stringValues(schemaTree(entry).get("required"))
                        .map(field -> arguments(Named.of(entry.name(), entry), field)));
    }

    static Stream<Named<Entry>> requestedEvents() {
        return Stream.of(DeviceIsolationRequestedEvent.class, DeviceReleaseRequestedEvent.class)
                .map(EventCatalog::of)
                .map(entry -> Named.of(entry.name(), entry));
    }

    // ---- fixtures ----

    @ParameterizedTest
    @MethodSource("revisions")
    void fixture_validatesAgainstItsRevisionsSchema(Entry entry, String revision) {
        assertThat(schema(entry, revision).validate(fixture(entry, revision))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("olderRevisions")
    void olderFixture_upcastToTheCurrentRevision_validatesAndDeserializesIntoTheRecord(Entry entry, String revision)
            throws IOException {
        ObjectNode stored = fixture(entry, revision);

        ObjectNode upcast = JsonUpcasters.toCurrent(entry, revision, stored);

        assertThat(schema(entry).validate(upcast)).isEmpty();
        Object event = MAPPER.treeToValue(upcast, entry.eventClass());
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(event))).isEqualTo(upcast);
        assertThat(stored).as("the stored form is left as it was").isEqualTo(fixture(entry, revision));
    }

    @Test
    void olderFixtures_areKeptByteForByteAsWritten() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        FROZEN.forEach((resource, digest) -> assertThat(HexFormat.of().formatHex(sha256.digest(readResource(resource))))
                .as("%s is part of the stored history's contract and must never change", resource)
                .isEqualTo(digest));
    }

    /**
     * Revision 2 of DeviceIsolationRequestedEvent only adds a field, so a consumer written for revision 1 (which
     * ignores fields it does not know) reads revision-2 data correctly.
     */
    @Test
    void deviceIsolationRequestedRevision2_isStillValidRevision1Data() {
        Entry entry = EventCatalog.of(DeviceIsolationRequestedEvent.class);

        assertThat(schema(entry, "1").validate(fixture(entry, "2"))).isEmpty();
    }

    /** Revision 3 of the isolation request and revision 2 of the release request only add bulkId. */
    @Test
    void requestedEventsWithBulkId_areStillValidDataOfTheRevisionBefore() {
        Entry isolation = EventCatalog.of(DeviceIsolationRequestedEvent.class);
        Entry release = EventCatalog.of(DeviceReleaseRequestedEvent.class);

        assertThat(schema(isolation, "2").validate(fixture(isolation, "3"))).isEmpty();
        assertThat(schema(release, "1").validate(fixture(release, "2"))).isEmpty();
    }

    /** The same for the device's details: revision 2 only adds riskScore and exposureLevel. */
    @ParameterizedTest
    @ValueSource(classes = {DeviceRegisteredEvent.class, DeviceDetailsUpdatedEvent.class})
    void deviceDetailsRevision2_isStillValidRevision1Data(Class<?> eventClass) {
        Entry entry = EventCatalog.of(eventClass);

        assertThat(schema(entry, "1").validate(fixture(entry, "2"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(classes = {DeviceRegisteredEvent.class, DeviceDetailsUpdatedEvent.class})
    void deviceDetailsRevision2_withARiskScoreDefenderDoesNotKnow_failsValidation(Class<?> eventClass) {
        Entry entry = EventCatalog.of(eventClass);

        assertThat(schema(entry).validate(fixture(entry).put("riskScore", "Critical")))
                .extracting(ValidationMessage::getType).containsOnly("enum");
        assertThat(schema(entry).validate(fixture(entry).put("exposureLevel", "Informational")))
                .extracting(ValidationMessage::getType).containsOnly("enum");
    }

    @Test
    void deviceIsolationRequestedRevision2_keepsNothingConnectedInAFullIsolation() {
        Entry entry = EventCatalog.of(DeviceIsolationRequestedEvent.class);
        ObjectNode full = fixture(entry).put("isolationType", "Full");

        assertThat(schema(entry).validate(full)).extracting(ValidationMessage::getType).contains("maxItems");
        full.putArray("keptConnectedApplications");
        assertThat(schema(entry).validate(full)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void fixture_roundTripsThroughTheRecord(Entry entry) throws IOException {
        Object event = MAPPER.readValue(fixtureBytes(entry), entry.eventClass());

        assertThat(event).isInstanceOf(entry.eventClass());
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(event))).isEqualTo(fixture(entry));
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void fixture_withoutARequiredField_failsValidation(Entry entry, String field) {
        ObjectNode incomplete = fixture(entry).deepCopy();
        incomplete.remove(field);

        Set<ValidationMessage> errors = schema(entry).validate(incomplete);

        assertThat(errors).extracting(ValidationMessage::getType).containsOnly("required");
        assertThat(errors).extracting(ValidationMessage::getProperty).containsExactly(field);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void fixture_withAFieldAddedByALaterProducer_stillValidatesAndDeserializes(Entry entry) throws IOException {
        ObjectNode extended = fixture(entry).deepCopy();
        extended.put("addedInALaterRevision", "consumers must tolerate this");

        assertThat(schema(entry).validate(extended)).isEmpty();
        assertThat(MAPPER.treeToValue(extended, entry.eventClass()))
                .isEqualTo(MAPPER.readValue(fixtureBytes(entry), entry.eventClass()));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void fixture_withAMalformedTimestamp_failsValidation(Entry entry) {
        String instantField = components(entry).stream()
                .filter(component -> component.getType() == Instant.class)
                .map(RecordComponent::getName)
                .findFirst()
                .orElseThrow();
        ObjectNode malformed = fixture(entry).deepCopy();
        malformed.put(instantField, "02/03/2026 09:15");

        assertThat(schema(entry).validate(malformed)).extracting(ValidationMessage::getType).containsOnly("format");
    }

    @ParameterizedTest
    @MethodSource("requestedEvents")
    void requestedEventComment_whenEmptyOrLongerThan4000Chars_failsValidation(Entry entry) {
        ObjectNode empty = fixture(entry).deepCopy().put("comment", "");
        ObjectNode tooLong = fixture(entry).deepCopy().put("comment", "x".repeat(4001));
        ObjectNode longest = fixture(entry).deepCopy().put("comment", "x".repeat(4000));

        assertThat(schema(entry).validate(empty)).extracting(ValidationMessage::getType).containsOnly("minLength");
        assertThat(schema(entry).validate(tooLong)).extracting(ValidationMessage::getType).containsOnly("maxLength");
        assertThat(schema(entry).validate(longest)).isEmpty();
    }

    // ---- records and catalog ----

    @ParameterizedTest
    @MethodSource("entries")
    void record_revisionEqualsTheCatalogRevision(Entry entry) {
        Revision revision = entry.eventClass().getAnnotation(Revision.class);

        assertThat(revision).as("@Revision on %s", entry.name()).isNotNull();
        assertThat(revision.value()).isEqualTo(entry.revision());
    }

    @Test
    void schemasAndFixtures_existOnlyForCatalogEvents() {
        Set<String> expectedSchemas = EventCatalog.entries().stream()
                .flatMap(entry -> entry.revisions().stream().map(r -> entry.name() + ".v" + r + ".schema.json"))
                .collect(Collectors.toSet());
        Set<String> expectedFixtures = EventCatalog.entries().stream()
                .flatMap(entry -> entry.revisions().stream().map(r -> entry.name() + ".v" + r + ".json"))
                .collect(Collectors.toSet());

        assertThat(fileNamesIn("/schemas"))
                .containsExactlyInAnyOrderElementsOf(plus(expectedSchemas, "DeviceCloudEvent.schema.json"));
        assertThat(fileNamesIn("/fixtures")).containsExactlyInAnyOrderElementsOf(expectedFixtures);
    }

    // ---- schemas ----

    @ParameterizedTest
    @MethodSource("revisions")
    void schema_isIdentifiedByTheCatalogDataSchema(Entry entry, String revision) {
        JsonNode schema = readTree(readResource(schemaPath(entry, revision)));

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(entry.dataSchema(revision));
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank().endsWith(".");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").booleanValue())
                .as("consumers must tolerate added fields").isTrue();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void schema_describesExactlyTheRecordComponents(Entry entry) {
        JsonNode properties = schemaTree(entry).path("properties");

        assertThat(fieldNames(properties))
                .containsExactlyElementsOf(components(entry).stream().map(RecordComponent::getName).toList());
        properties.properties().forEach(property -> assertThat(property.getValue().path("description").asText())
                .as("description of %s.%s", entry.name(), property.getKey())
                .isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("entries")
    void schema_propertyTypesMatchTheRecordComponentTypes(Entry entry) {
        JsonNode properties = schemaTree(entry).path("properties");

        for (RecordComponent component : components(entry)) {
            JsonNode property = properties.path(component.getName());
            String what = entry.name() + "." + component.getName();
            Class<?> type = component.getType();
            if (type == String.class) {
                assertThat(typesOf(property)).as(what).isIn(List.of("string"), List.of("string", "null"));
            } else if (type == Instant.class) {
                assertThat(typesOf(property)).as(what).containsExactly("string");
                assertThat(property.path("format").asText()).as(what).isEqualTo("date-time");
            } else if (type == List.class) {
                assertThat(typesOf(property)).as(what).containsExactly("array");
                Class<?> item = listItemType(component);
                if (item.isRecord()) {
                    assertThat(property.path("items").path("type").asText()).as(what).isEqualTo("object");
                    assertThat(fieldNames(property.path("items").path("properties"))).as(what)
                            .containsExactlyElementsOf(Arrays.stream(item.getRecordComponents())
                                    .map(RecordComponent::getName).toList());
                } else {
                    assertThat(property.path("items").path("type").asText()).as(what).isEqualTo("string");
                }
            } else if (type == int.class || type == long.class) {
                assertThat(typesOf(property)).as(what).containsExactly("integer");
            } else if (type.isEnum()) {
                // A nullable enum lists null among its values, as JSON Schema needs to accept it.
                boolean nullable = typesOf(property).contains("null");
                assertThat(typesOf(property)).as(what)
                        .containsExactlyElementsOf(nullable ? List.of("string", "null") : List.of("string"));
                List<String> constants = new ArrayList<>(Arrays.stream(type.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name())
                        .toList());
                List<String> values = new ArrayList<>();
                property.path("enum").forEach(value -> values.add(value.isNull() ? null : value.asText()));
                if (nullable) {
                    constants.add(null);
                }
                assertThat(values).as(what).containsExactlyElementsOf(constants);
            } else {
                throw new AssertionError(what + ": no schema mapping for " + type.getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("entries")
    void schema_requiresExactlyTheComponentsThatCannotBeNull(Entry entry) {
        JsonNode schema = schemaTree(entry);
        List<String> notNullable = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> {
            if (!typesOf(property.getValue()).contains("null")) {
                notNullable.add(property.getKey());
            }
        });

        assertThat(stringValues(schema.path("required")).toList()).containsExactlyElementsOf(notNullable);
    }

    // ---- CloudEvents envelope ----

    @ParameterizedTest
    @MethodSource("entries")
    void cloudEvent_aroundEachFixture_validatesAgainstTheEnvelopeSchema(Entry entry) throws IOException {
        DeviceCloudEvent cloudEvent = cloudEventAround(entry);

        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(cloudEvent));

        assertThat(envelopeSchema().validate(json)).isEmpty();
        assertThat(schemaWithId(json.path("dataschema").asText()).validate(json.path("data"))).isEmpty();
        assertThat(MAPPER.treeToValue(json, DeviceCloudEvent.class)).isEqualTo(cloudEvent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type", "subject", "time", "datacontenttype",
            "dataschema", "sequence", "revision", "data"})
    void cloudEvent_withoutARequiredAttribute_failsValidation(String attribute) {
        ObjectNode json = MAPPER.valueToTree(cloudEventAround(EventCatalog.entries().get(0)));
        json.remove(attribute);

        assertThat(envelopeSchema().validate(json)).extracting(ValidationMessage::getProperty).containsExactly(attribute);
    }

    @Test
    void cloudEvent_withAnotherSpecVersionOrANegativeSequence_failsValidation() {
        ObjectNode valid = MAPPER.valueToTree(cloudEventAround(EventCatalog.entries().get(0)));

        assertThat(envelopeSchema().validate(valid.deepCopy().put("specversion", "0.3")))
                .extracting(ValidationMessage::getType).containsOnly("const");
        assertThat(envelopeSchema().validate(valid.deepCopy().put("sequence", -1)))
                .extracting(ValidationMessage::getType).containsOnly("minimum");
    }

    // ---- helpers ----

    private static DeviceCloudEvent cloudEventAround(Entry entry) {
        JsonNode data = fixture(entry);
        return new DeviceCloudEvent(
                DeviceCloudEvent.SPEC_VERSION,
                UUID.nameUUIDFromBytes(entry.name().getBytes()).toString(),
                "/cordon/command-side",
                entry.cloudEventType(),
                data.path(entry.isDeviceEvent() ? "deviceId" : "bulkId").asText(),
                Instant.parse("2026-03-02T09:15:00.123Z"),
                DeviceCloudEvent.CONTENT_TYPE,
                entry.dataSchema(),
                7L,
                entry.revision(),
                data);
    }

    private static Class<?> listItemType(RecordComponent component) {
        return (Class<?>) ((java.lang.reflect.ParameterizedType) component.getGenericType())
                .getActualTypeArguments()[0];
    }

    private static List<RecordComponent> components(Entry entry) {
        return List.of(entry.eventClass().getRecordComponents());
    }

    private static byte[] fixtureBytes(Entry entry) {
        return fixtureBytes(entry, entry.revision());
    }

    private static byte[] fixtureBytes(Entry entry, String revision) {
        return readResource("/fixtures/" + entry.name() + ".v" + revision + ".json");
    }

    private static ObjectNode fixture(Entry entry) {
        return fixture(entry, entry.revision());
    }

    private static ObjectNode fixture(Entry entry, String revision) {
        return (ObjectNode) readTree(fixtureBytes(entry, revision));
    }

    private static JsonNode schemaTree(Entry entry) {
        return readTree(readResource(schemaPath(entry, entry.revision())));
    }

    private static String schemaPath(Entry entry, String revision) {
        return "/schemas/" + entry.name() + ".v" + revision + ".schema.json";
    }

    private static JsonSchema schema(Entry entry) {
        return schema(entry, entry.revision());
    }

    private static JsonSchema schema(Entry entry, String revision) {
        return loadSchema(schemaPath(entry, revision));
    }

    private static JsonSchema schemaWithId(String dataSchema) {
        Entry entry = EventCatalog.entries().stream()
                .filter(candidate -> candidate.dataSchema().equals(dataSchema))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No catalog entry with dataschema " + dataSchema));
        return schema(entry);
    }

    private static JsonSchema envelopeSchema() {
        return loadSchema(ENVELOPE_SCHEMA);
    }

    private static JsonSchema loadSchema(String resource) {
        try (InputStream in = resourceStream(resource)) {
            return SCHEMA_FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = resourceStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resourceStream(String resource) {
        InputStream in = EventContractTest.class.getResourceAsStream(resource);
        if (in == null) {
            throw new AssertionError("Missing class path resource " + resource);
        }
        return in;
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> typesOf(JsonNode property) {
        JsonNode type = property.path("type");
        return type.isArray() ? stringValues(type).toList() : List.of(type.asText());
    }

    private static Stream<String> stringValues(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> fileNamesIn(String directory) {
        try (Stream<Path> files = Files.list(Path.of(EventContractTest.class.getResource(directory).toURI()))) {
            return files.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> plus(Set<String> names, String name) {
        return Stream.concat(names.stream(), Stream.of(name)).collect(Collectors.toSet());
    }
}
