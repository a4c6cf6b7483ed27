package dev.tollgate.translator.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.admission.Admission;
import dev.tollgate.translator.admission.FieldError;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.InputProblem.Severity;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.UnstructuredObject;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes in parsed documents: finds each one's kind, admits it as the Kubernetes API server would
 * ({@link Admission}) and binds what was admitted to the model, recording the outcome as
 * {@link TakenDocuments}, which are then added to the resources being read. A refused object is
 * reported with every reason, each naming its field, and is not translated; one of a kind that
 * guards traffic is kept as a {@link RejectedObject} so that what it targets fails closed.
 */
final class DocumentIntake {

  private final ResourceSet.Builder resources = ResourceSet.builder();
  private final List<InputProblem> problems = new ArrayList<>();
  private final Set<String> reportedUnknownKinds = new HashSet<>();
  private final ExtensionKinds extensionKinds;
  private final Admission admission;
  /** The steps being recorded for the documents {@link #take} is taking in. */
  private List<TakenDocuments.Step> steps;

  DocumentIntake(ExtensionKinds extensionKinds, Admission admission) {
    this.extensionKinds = extensionKinds;
    this.admission = admission;
  }

  /**
   * Admits the documents of the input {@code name}, without adding them yet; a defect met on the
   * way refuses that document alone, with a message saying so. The documents are not modified.
   */
  TakenDocuments take(String name, List<JsonNode> documents) {
    return take(name, documents, false);
  }

  /** As {@link #take(String, List)}; an input that is one object is named without a document index. */
  TakenDocuments take(String name, List<JsonNode> documents, boolean oneObject) {
    steps = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      Source source = new Source(name, oneObject && documents.size() == 1 ? Source.WHOLE : i);
      try {
        take(documents.get(i), source);
      } catch (RuntimeException | StackOverflowError e) {
        error(source, null, "", "internal error while reading this document (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + "); it was not read");
      }
    }
    TakenDocuments taken = new TakenDocuments(steps);
    steps = null;
    return taken;
  }

  /** Adds what documents contributed: objects (duplicates across inputs reported here), refusals, problems. */
  void add(TakenDocuments taken) {
    for (TakenDocuments.Step step : taken.steps()) {
      if (step instanceof TakenDocuments.Bound b) {
        ObjectKey key = b.object().key();
        resources.add(b.object(), b.source()).ifPresent(d -> problems.add(new InputProblem(Severity.ERROR, d.dropped(), key,
            "", "duplicate object; the one in " + d.kept() + " is used")));
      } else if (step instanceof TakenDocuments.Refused r) {
        resources.refused(r.key());
      } else if (step instanceof TakenDocuments.Rejected r) {
        resources.reject(r.object());
      } else if (step instanceof TakenDocuments.Reported r) {
        problems.add(r.problem());
      } else if (step instanceof TakenDocuments.UnknownKind u && reportedUnknownKinds.add(u.kind())) {
        problems.add(u.warning());
      }
    }
  }

  private void take(JsonNode doc, Source source) {
    if (doc == null || doc.isNull() || doc.isMissingNode() || (doc.isObject() && doc.isEmpty())) {
      return;
    }
    if (!doc.isObject()) {
      error(source, null, "", "a document must be a mapping with apiVersion and kind");
      return;
    }
    String apiVersion = doc.path("apiVersion").isTextual() ? doc.path("apiVersion").asText() : "";
    String kindName = doc.path("kind").isTextual() ? doc.path("kind").asText() : "";
    if (apiVersion.isEmpty() || kindName.isEmpty()) {
      error(source, null, apiVersion.isEmpty() ? "apiVersion" : "kind", "Required value: a string naming the "
          + (apiVersion.isEmpty() ? "API group and version" : "kind"));
      return;
    }
    if (apiVersion.equals("v1") && kindName.equals("List")) {
      doc.path("items").forEach(item -> take(item, source));
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
      unknownKind(doc, source, apiVersion, group, kindName);
      return;
    }
    ObjectNode object = (ObjectNode) doc.deepCopy();
    ObjectKey key = keyOf(kind.get(), object);
    if (!kind.get().accepts(version)) {
      refuse(kind.get(), object, source, key, List.of(new FieldError(FieldError.Type.UNSUPPORTED, "apiVersion",
          "Unsupported value: \"" + apiVersion + "\": supported values: "
              + String.join(", ", kind.get().versions().stream().sorted().map(v -> "\"" + kind.get().apiVersionOf(v) + "\"").toList()))));
      return;
    }
    Admission.Verdict verdict = admission.admit(kind.get(), version, object);
    if (!verdict.admitted()) {
      refuse(kind.get(), object, source, key, verdict.errors());
      return;
    }
    bind(kind.get(), verdict.object(), source, key);
  }

  /** A kind Tollgate does not read; one it does read under another group is a mistake worth an error. */
  private void unknownKind(JsonNode doc, Source source, String apiVersion, String group, String kindName) {
    Optional<Kind> sameName = Kinds.ALL.stream().filter(k -> k.kind().equals(kindName)).findFirst();
    if (sameName.isPresent()) {
      Kind meant = sameName.get();
      ObjectNode object = (ObjectNode) doc.deepCopy();
      refuse(meant, object, source, keyOf(meant, object), List.of(new FieldError(FieldError.Type.UNSUPPORTED, "apiVersion",
          "Unsupported value: \"" + apiVersion + "\": Tollgate reads " + kindName + " from the API group \""
              + meant.group() + "\", not \"" + group + "\"")));
      return;
    }
    steps.add(new TakenDocuments.UnknownKind(apiVersion + " " + kindName, new InputProblem(Severity.WARNING, source, null, "",
        "kind " + kindName + " (" + apiVersion + ") is not read by Tollgate; ignoring all objects of this kind")));
  }

  private static ObjectKey keyOf(Kind kind, ObjectNode object) {
    JsonNode metadata = object.path("metadata");
    String namespace = metadata.path("namespace").isTextual() ? metadata.path("namespace").asText() : "";
    if (kind.namespaced()) {
      if (namespace.isEmpty()) {
        namespace = "default";
        if (metadata instanceof ObjectNode m) {
          m.put("namespace", namespace);
        } else if (metadata.isMissingNode()) {
          object.putObject("metadata").put("namespace", namespace);
        }
      }
    } else {
      namespace = "";
      if (metadata instanceof ObjectNode m) {
        m.remove("namespace");
      }
    }
    if (!kind.statusIsInput()) {
      object.remove("status");
    }
    String name = metadata.path("name").isTextual() ? metadata.path("name").asText() : "";
    return new ObjectKey(kind.kind(), namespace, name);
  }

  private void refuse(Kind kind, ObjectNode object, Source source, ObjectKey key, List<FieldError> errors) {
    for (FieldError e : errors) {
      report(new InputProblem(Severity.ERROR, source, key, e.field(), e.message()));
    }
    steps.add(new TakenDocuments.Refused(key));
    if (kind.keptWhenRefused() && !key.name().isEmpty()) {
      steps.add(new TakenDocuments.Rejected(new RejectedObject(key, object.path("apiVersion").asText(),
          lenientMetadata(key, object), object.get("spec"), source, errors.stream().map(FieldError::toString).toList())));
    }
  }

  /** The metadata a refused object's key and age can be read from, whatever else is wrong with it. */
  private static ObjectMeta lenientMetadata(ObjectKey key, ObjectNode object) {
    JsonNode created = object.path("metadata").path("creationTimestamp");
    return new ObjectMeta(key.name(), key.namespace(), null, null, null, created.isTextual() ? created.asText() : null,
        null, null);
  }

  private void bind(Kind kind, ObjectNode doc, Source source, ObjectKey key) {
    Binder.Result<? extends KubernetesObject> bound = Binder.bind(doc, kind.type());
    if (!bound.ok()) {
      error(source, key, bound.errorField(), bound.error());
      return;
    }
    if (kind.reportUnknownFields()) {
      for (String field : bound.unknownFields()) {
        report(new InputProblem(Severity.WARNING, source, key, field, "not implemented by Tollgate; ignored"));
      }
    }
    steps.add(new TakenDocuments.Bound(bound.value(), source));
  }

  /** Extension kinds are taken to be namespaced, as Envoy Gateway takes them to be. */
  private void addExtensionObject(GroupKind kind, ObjectNode doc, Source source) {
    if (!(doc.get("metadata") instanceof ObjectNode metadata)) {
      error(source, null, "metadata", "Required value: a mapping with the object's name");
      return;
    }
    if (metadata.path("namespace").asText("").isEmpty()) {
      metadata.put("namespace", "default");
    }
    doc.remove("status");
    ObjectMeta meta = ObjectMeta.named(metadata.path("namespace").asText(), metadata.path("name").asText(""));
    ObjectKey key = UnstructuredObject.keyOf(kind, meta.namespace(), meta.name());
    if (meta.name().isEmpty()) {
      error(source, key, "metadata.name", "Required value");
      return;
    }
    steps.add(new TakenDocuments.Bound(new UnstructuredObject(kind, meta, doc), source));
  }

  private void error(Source source, ObjectKey key, String field, String message) {
    report(new InputProblem(Severity.ERROR, source, key, field, message));
  }

  private void report(InputProblem problem) {
    steps.add(new TakenDocuments.Reported(problem));
  }

  ResourceSet resources() {
    return resources.build();
  }

  List<InputProblem> problems() {
    return List.copyOf(problems);
  }
}
