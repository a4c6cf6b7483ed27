package dev.tollgate.translator.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.input.InputProblem.Severity;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads multi-document YAML (or JSON) manifests into a {@link ResourceSet}.
 *
 * <p>A document that cannot be bound to its kind is reported with its file, document index and
 * field, and skipped; the others are still read. A file that is not YAML at all, or cannot be
 * opened, is unreadable: {@link UnreadableInputException}.
 */
public final class ManifestReader {

  public static final String STDIN = "-";

  private final ResourceSet.Builder resources = ResourceSet.builder();
  private final List<InputProblem> problems = new ArrayList<>();
  private final Set<String> reportedUnknownKinds = new HashSet<>();

  /** Reads a file, a directory (its .yaml, .yml and .json files, recursively) or stdin ({@code -}). */
  public ManifestReader read(String path) throws UnreadableInputException {
    if (STDIN.equals(path)) {
      return read("<stdin>", System.in);
    }
    Path p = Path.of(path);
    if (Files.isDirectory(p)) {
      for (Path file : manifestsUnder(p)) {
        readFile(file);
      }
      return this;
    }
    return readFile(p);
  }

  private ManifestReader readFile(Path file) throws UnreadableInputException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (IOException e) {
      throw new UnreadableInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static List<Path> manifestsUnder(Path dir) throws UnreadableInputException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UnreadableInputException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }

  /** Reads every document of a stream; {@code name} is how problems refer to it. */
  public ManifestReader read(String name, InputStream in) throws UnreadableInputException {
    int index = 0;
    try (MappingIterator<JsonNode> docs = Mappers.yaml().readerFor(JsonNode.class).readValues(in)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        addDocument(doc, new Source(name, index++));
      }
    } catch (JsonProcessingException e) {
      throw new UnreadableInputException(
          name + " (document " + index + "): not valid YAML: " + e.getOriginalMessage()
              + locationOf(e), e);
    } catch (IOException e) {
      throw new UnreadableInputException(name + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Jackson wraps parse errors met while advancing the iterator.
      if (e.getCause() instanceof JsonProcessingException jpe) {
        throw new UnreadableInputException(
            name + " (document " + index + "): not valid YAML: " + jpe.getOriginalMessage()
                + locationOf(jpe), jpe);
      }
      throw e;
    }
    return this;
  }

  /** Reads YAML text, for tests and callers that hold manifests in memory. */
  public ManifestReader readString(String name, String yaml) throws UnreadableInputException {
    return read(name, new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private void addDocument(JsonNode doc, Source source) {
    if (doc == null || doc.isNull() || doc.isMissingNode() || (doc.isObject() && doc.isEmpty())) {
      return;
    }
    if (!doc.isObject()) {
      error(source, null, "", "a document must be a mapping with apiVersion and kind");
      return;
    }
    String apiVersion = doc.path("apiVersion").asText("");
    String kindName = doc.path("kind").asText("");
    if (apiVersion.isEmpty() || kindName.isEmpty()) {
      error(source, null, apiVersion.isEmpty() ? "apiVersion" : "kind", "is required");
      return;
    }
    if (apiVersion.equals("v1") && kindName.equals("List")) {
      JsonNode items = doc.path("items");
      for (int i = 0; i < items.size(); i++) {
        addDocument(items.get(i), source);
      }
      return;
    }
    int slash = apiVersion.lastIndexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    Optional<Kind> kind = Kinds.find(group, kindName);
    if (kind.isEmpty()) {
      if (reportedUnknownKinds.add(apiVersion + " " + kindName)) {
        problems.add(new InputProblem(Severity.WARNING, source, null, "",
            "kind " + kindName + " (" + apiVersion + ") is not read by Tollgate; ignoring all objects of this kind"));
      }
      return;
    }
    String namespace = doc.path("metadata").path("namespace").asText("");
    if (namespace.isEmpty() && kind.get().namespaced()) {
      namespace = "default";
    }
    ObjectKey provisional = new ObjectKey(kindName, namespace, doc.path("metadata").path("name").asText(""));
    if (!kind.get().accepts(version)) {
      error(source, provisional, "apiVersion",
          "version " + version + " of " + kindName + " is not supported (supported: "
              + String.join(", ", kind.get().versions().stream().sorted().toList()) + ")");
      return;
    }
    if (provisional.name().isEmpty()) {
      error(source, provisional, "metadata.name", "is required");
      return;
    }
    bind(kind.get(), (ObjectNode) doc.deepCopy(), source, provisional);
  }

  private void bind(Kind kind, ObjectNode doc, Source source, ObjectKey provisional) {
    ObjectNode metadata = doc.with("metadata");
    if (kind.namespaced()) {
      if (metadata.path("namespace").asText("").isEmpty()) {
        metadata.put("namespace", "default");
      }
    } else {
      metadata.remove("namespace");
    }
    doc.remove("status");
    ObjectKey key = new ObjectKey(kind.kind(), metadata.path("namespace").asText(""), metadata.path("name").asText());
    List<String> ignoredFields = new ArrayList<>();
    ObjectReader reader = Mappers.json().readerFor(kind.type()).withHandler(new UnknownFieldCollector(ignoredFields));
    KubernetesObject object;
    try {
      object = reader.readValue(doc);
    } catch (MismatchedInputException e) {
      error(source, key, Mappers.path(e), describe(e, doc));
      return;
    } catch (JsonMappingException e) {
      error(source, key, Mappers.path(e), firstLine(e.getOriginalMessage()));
      return;
    } catch (IOException | IllegalArgumentException e) {
      error(source, key, "", firstLine(e.getMessage()));
      return;
    }
    for (String field : kind.reportUnknownFields() ? ignoredFields : List.<String>of()) {
      problems.add(new InputProblem(Severity.WARNING, source, key, field, "unknown field, ignored"));
    }
    resources.add(object, source).ifPresent(d -> problems.add(new InputProblem(Severity.ERROR, d.dropped(), key, "",
        "duplicate object; the one in " + d.kept() + " is used")));
  }

  private static String describe(MismatchedInputException e, JsonNode doc) {
    if (e instanceof InvalidFormatException ife) {
      return "invalid value " + quoted(ife.getValue()) + ": expected " + typeName(ife.getTargetType());
    }
    if (e.getTargetType() != null) {
      String got = valueAt(doc, e);
      return (got == null ? "" : "invalid value " + got + ": ") + "expected " + typeName(e.getTargetType());
    }
    return firstLine(e.getOriginalMessage());
  }

  /** The offending value, found by following the error's path through the document. */
  private static String valueAt(JsonNode doc, JsonMappingException e) {
    JsonNode node = doc;
    for (JsonMappingException.Reference ref : e.getPath()) {
      node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
    }
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    return node.isObject() ? "(an object)" : node.isArray() ? "(a list)" : null;
  }

  private static String quoted(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private void error(Source source, ObjectKey key, String field, String message) {
    problems.add(new InputProblem(Severity.ERROR, source, key, field, message));
  }

  public ResourceSet resources() {
    return resources.build();
  }

  public List<InputProblem> problems() {
    return List.copyOf(problems);
  }

  /** Records fields the model does not know (outside metadata), so users learn they were ignored. */
  private static final class UnknownFieldCollector extends DeserializationProblemHandler {
    private final List<String> fields;

    UnknownFieldCollector(List<String> fields) {
      this.fields = fields;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
        throws IOException {
      String path = Mappers.path(p.getParsingContext(), null);
      if (!path.endsWith(propertyName)) {
        path = path.isEmpty() ? propertyName : path + "." + propertyName;
      }
      if (!path.startsWith("metadata.")) {
        fields.add(path);
      }
      p.skipChildren();
      return true;
    }
  }
}
