package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/docker-compose.yml is a valid Compose file: SnakeYAML resolves its anchors and merge keys
 * as Compose does, and the result is validated against the Compose Specification's JSON schema
 * (draft 7, kept in src/test/resources/compose with its origin). This is the structural check that
 * {@code docker compose config} makes; variable interpolation is left as text, as the schema allows.
 * Deliberately broken copies of the file (a misspelt service key, a wrong type, an unknown top-level
 * key) must be rejected, so the check is shown to bite.
 */
class ComposeSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        ComposeSchemaTest.class.getResourceAsStream("/compose/compose-spec.schema.json")) {
      ObjectNode node = (ObjectNode) JSON.readTree(in);
      // The file names its draft by an https URI the validator does not know, and its $id is a
      // bare file name; the factory is told the draft (7) directly, and the schema's references
      // are all internal (#/definitions/...).
      node.remove("$schema");
      node.remove("$id");
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
    }
  }

  private static Path composeFile() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path file = p.resolve("docker/docker-compose.yml");
      if (Files.exists(file)) {
        return file;
      }
    }
    throw new AssertionError("no docker/docker-compose.yml above the working directory");
  }

  private static Set<String> problems(String yaml) {
    Object document;
    try (Reader reader = new StringReader(yaml)) {
      document = new Yaml().load(reader);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    JsonNode node = JSON.valueToTree(document);
    return schema.validate(node).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String composeText() throws IOException {
    return Files.readString(composeFile());
  }

  @Test
  void composeFileMatchesTheComposeSchema() throws IOException {
    Set<String> problems = problems(composeText());
    assertEquals(Set.of(), problems, "docker/docker-compose.yml against the Compose schema");
  }

  @Test
  void theFileHasTheServicesTheReadmeDescribes() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> services =
        (Map<String, Object>) ((Map<String, Object>) new Yaml().load(composeText())).get("services");
    assertEquals(Set.of("master", "worker"), services.keySet());
  }

  @Test
  void aMisspeltServiceKeyIsRejected() throws IOException {
    String broken = composeText().replace("    command: [\"worker\"]", "    comand: [\"worker\"]");
    assertFalse(broken.equals(composeText()), "the broken variant must differ");
    Set<String> problems = problems(broken);
    assertTrue(problems.stream().anyMatch(p -> p.contains("comand")), problems.toString());
  }

  @Test
  void aWrongTypeIsRejected() throws IOException {
    String broken = composeText().replace("    depends_on:\n      - master", "    depends_on: 7");
    assertFalse(broken.equals(composeText()), "the broken variant must differ");
    assertFalse(problems(broken).isEmpty());
  }

  @Test
  void anUnknownTopLevelKeyIsRejected() throws IOException {
    Set<String> problems = problems(composeText() + "\nservice:\n  extra: {}\n");
    assertTrue(problems.stream().anyMatch(p -> p.contains("service")), problems.toString());
    assertFalse(List.copyOf(problems).isEmpty());
  }
}
