package dev.tollgate.translator.model.envoygateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.model.gatewayapi.BackendRef;
import java.util.List;

/**
 * The spec of an EnvoyExtensionPolicy ({@code gateway.envoyproxy.io/v1alpha1}): Lua scripts,
 * external processors and Wasm modules for the routes it targets. Dynamic modules are kept as a
 * tree, so a policy using one is refused, not weakened.
 */
public record EnvoyExtensionPolicySpec(
    PolicyTargets.Reference targetRef,
    List<PolicyTargets.Reference> targetRefs,
    List<PolicyTargets.Selector> targetSelectors,
    List<Lua> lua,
    List<ExtProc> extProc,
    List<Wasm> wasm,
    JsonNode dynamicModule,
    String mergeType) {

  public EnvoyExtensionPolicySpec {
    targetRefs = targetRefs == null ? List.of() : targetRefs;
    targetSelectors = targetSelectors == null ? List.of() : targetSelectors;
    lua = lua == null ? List.of() : lua;
    extProc = extProc == null ? List.of() : extProc;
    wasm = wasm == null ? List.of() : wasm;
  }

  public record Wasm(String name, String rootID, Code code, JsonNode config, Boolean failOpen, Env env) {}

  /** {@code type} HTTP with {@code http}, or Image with {@code image}; {@code pullPolicy} IfNotPresent or Always. */
  public record Code(String type, HttpCode http, ImageCode image, String pullPolicy) {}

  public record HttpCode(String url, String sha256, JsonNode tls) {}

  public record ImageCode(String url, String sha256, SecretReference pullSecretRef, JsonNode tls) {}

  public record Env(List<String> hostKeys) {
    public Env {
      hostKeys = hostKeys == null ? List.of() : hostKeys;
    }
  }

  /** {@code type} Inline (the default) with {@code inline}, or ValueRef naming a ConfigMap. */
  public record Lua(String type, String inline, JwtSpec.LocalObjectReference valueRef, JsonNode filterContext) {}

  public record ExtProc(
      BackendRef backendRef,
      List<BackendRef> backendRefs,
      JsonNode backendSettings,
      Boolean failOpen,
      String messageTimeout,
      Metadata metadata,
      ProcessingMode processingMode,
      Boolean shadowMode,
      Integer statusOnError) {
    public ExtProc {
      backendRefs = backendRefs == null ? List.of() : backendRefs;
    }

    /** {@code backendRefs}, or the deprecated single {@code backendRef}. */
    public List<BackendRef> references() {
      return backendRef != null ? List.of(backendRef) : backendRefs;
    }
  }

  public record Metadata(List<String> accessibleNamespaces, List<String> writableNamespaces) {
    public Metadata {
      accessibleNamespaces = accessibleNamespaces == null ? List.of() : accessibleNamespaces;
      writableNamespaces = writableNamespaces == null ? List.of() : writableNamespaces;
    }
  }

  public record ProcessingMode(Boolean allowModeOverride, Phase request, Phase response) {}

  /** Headers are sent when the phase is present; {@code body} is Streamed, Buffered, BufferedPartial or FullDuplexStreamed. */
  public record Phase(List<String> attributes, String body) {
    public Phase {
      attributes = attributes == null ? List.of() : attributes;
    }
  }
}
