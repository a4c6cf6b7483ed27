package dev.tollgate.translator.extension;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.UnstructuredObject;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects of an extension server's kinds in one translation's input: the ones routes name in
 * {@code extensionRef} filters, and extension policies with the targets they name.
 */
public final class ExtensionObjects {

  private final ResourceSet resources;
  private final ExtensionKinds kinds;

  public ExtensionObjects(ResourceSet resources, ExtensionKinds kinds) {
    this.resources = resources;
    this.kinds = kinds;
  }

  public static ExtensionObjects none() {
    return new ExtensionObjects(ResourceSet.empty(), ExtensionKinds.NONE);
  }

  /** Whether routes may name this kind in an {@code extensionRef} filter. */
  public boolean isFilterKind(GroupKind kind) {
    return kinds.resources().contains(kind);
  }

  public boolean isBackendKind(GroupKind kind) {
    return kinds.backendResources().contains(kind);
  }

  public Optional<ExtensionResourceIr> find(GroupKind kind, String namespace, String name) {
    return resources.extensionObject(kind, namespace, name).map(ExtensionObjects::resource);
  }

  /**
   * Extension policies in {@code namespace} whose {@code targetRef} or {@code targetRefs} name the
   * object; a target with a {@code sectionName} matches only when that section is one of
   * {@code sections}. Sorted by kind, then name, so hooks see them in a stable order.
   */
  public List<ExtensionResourceIr> policiesTargeting(String group, String kind, String namespace, String name, List<String> sections) {
    List<ExtensionResourceIr> out = new ArrayList<>();
    kinds.policyResources().stream().sorted(java.util.Comparator.comparing(GroupKind::toString)).forEach(policyKind -> {
      for (UnstructuredObject policy : resources.extensionObjects(policyKind)) {
        if (policy.metadata().namespace().equals(namespace) && targets(policy.json().path("spec"), group, kind, name, sections)) {
          out.add(resource(policy));
        }
      }
    });
    return out;
  }

  /** Every extension policy, sorted: the translation hook's context. */
  public List<ExtensionResourceIr> allPolicies() {
    List<ExtensionResourceIr> out = new ArrayList<>();
    kinds.policyResources().stream().sorted(java.util.Comparator.comparing(GroupKind::toString))
        .forEach(k -> resources.extensionObjects(k).forEach(p -> out.add(resource(p))));
    return out;
  }

  private static boolean targets(JsonNode spec, String group, String kind, String name, List<String> sections) {
    List<JsonNode> refs = new ArrayList<>();
    if (spec.path("targetRef").isObject()) {
      refs.add(spec.path("targetRef"));
    }
    spec.path("targetRefs").forEach(refs::add);
    for (JsonNode ref : refs) {
      boolean same = Objects.equals(ref.path("group").asText(""), group)
          && ref.path("kind").asText("").equals(kind)
          && ref.path("name").asText("").equals(name);
      String section = ref.path("sectionName").asText("");
      if (same && (section.isEmpty() || sections.contains(section))) {
        return true;
      }
    }
    return false;
  }

  public static ExtensionResourceIr resource(UnstructuredObject object) {
    try {
      return new ExtensionResourceIr(object.key(), Mappers.json().writeValueAsString(object.json()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
