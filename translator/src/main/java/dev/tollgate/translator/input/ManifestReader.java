package dev.tollgate.translator.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.InputProblem.Severity;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.UnstructuredObject;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
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
  private final ExtensionKinds extensionKinds;

  public ManifestReader() {
    this(ExtensionKinds.NONE);
  }

  /** A reader that also keeps objects of an extension server's kinds, whole. */
  public ManifestReader(ExtensionKinds extensionKinds) {
    this.extensionKinds = extensionKinds;
  }

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
    if (kind.isEmpty() && extensionKinds.contains(new GroupKind(group, kindName))) {
      addExtensionObject(new GroupKind(group, kindName), (ObjectNode) doc.deepCopy(), source);
      return;
    }
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
    Binder.Result<? extends KubernetesObject> bound = Binder.bind(doc, kind.type());
    if (!bound.ok()) {
      error(source, key, bound.errorField(), bound.error());
      return;
    }
    KubernetesObject object = bound.value();
    List<String> ignoredFields = bound.unknownFields();
    for (String field : kind.reportUnknownFields() ? ignoredFields : List.<String>of()) {
      problems.add(new InputProblem(Severity.WARNING, source, key, field, "unknown field, ignored"));
    }
    resources.add(object, source).ifPresent(d -> problems.add(new InputProblem(Severity.ERROR, d.dropped(), key, "",
        "duplicate object; the one in " + d.kept() + " is used")));
  }

  /** Extension kinds are taken to be namespaced, as Envoy Gateway takes them to be. */
  private void addExtensionObject(GroupKind kind, ObjectNode doc, Source source) {
    ObjectNode metadata = doc.with("metadata");
    if (metadata.path("namespace").asText("").isEmpty()) {
      metadata.put("namespace", "default");
    }
    doc.remove("status");
    ObjectMeta meta = ObjectMeta.named(metadata.path("namespace").asText(), metadata.path("name").asText(""));
    ObjectKey key = UnstructuredObject.keyOf(kind, meta.namespace(), meta.name());
    if (meta.name().isEmpty()) {
      error(source, key, "metadata.name", "is required");
      return;
    }
    resources.add(new UnstructuredObject(kind, meta, doc), source).ifPresent(d -> problems.add(
        new InputProblem(Severity.ERROR, d.dropped(), key, "", "duplicate object; the one in " + d.kept() + " is used")));
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
}
