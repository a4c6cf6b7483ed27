package dev.tollgate.translator.gateway.extensionpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.policy.PolicySecrets;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.ir.ExtensionsIr;
import dev.tollgate.translator.model.envoygateway.EnvoyExtensionPolicySpec;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.core.Secret;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.wasm.WasmModules;
import java.util.List;

/**
 * Translates one {@code spec.wasm} entry: the module is fetched by Tollgate (through
 * {@link WasmModules}) and served to the proxies from Tollgate's own server, with its sha256. A
 * module that cannot be had closes the policy's routes, unless {@code failOpen}, which leaves the
 * filter out; either way the status says what happened.
 */
final class WasmTranslator {

  static final String FILTER = "envoy.filters.http.wasm";
  /** The cluster of Tollgate's module server, shared by every Wasm filter. */
  static final String SERVER_CLUSTER = "tollgate/wasm-modules";
  private static final String DOCKER_CONFIG = "kubernetes.io/dockerconfigjson";

  private final WasmModules modules;
  private final PolicySecrets secrets;

  WasmTranslator(WasmModules modules, PolicySecrets secrets) {
    this.modules = modules;
    this.secrets = secrets;
  }

  /** The module's filter, or null (a problem recorded, or with failOpen a note that it is left out). */
  ExtensionsIr.Wasm translate(EnvoyGatewayPolicy policy, String policyName, int index, EnvoyExtensionPolicySpec.Wasm spec,
      PolicyProblems problems, List<String> notes) {
    String field = "spec.wasm[" + index + "]";
    var code = spec.code();
    if (code == null || code.type() == null) {
      problems.add(field + ".code.type", "is required: HTTP or Image");
      return null;
    }
    boolean image = code.type().equals("Image");
    if (!image && !code.type().equals("HTTP")) {
      problems.add(field + ".code.type", "\"" + code.type() + "\" is not one of HTTP, Image");
      return null;
    }
    String url = image ? (code.image() == null ? null : code.image().url()) : (code.http() == null ? null : code.http().url());
    String sha256 = image ? (code.image() == null ? null : code.image().sha256()) : (code.http() == null ? null : code.http().sha256());
    JsonNode tls = image ? (code.image() == null ? null : code.image().tls()) : (code.http() == null ? null : code.http().tls());
    String codeField = field + ".code." + (image ? "image" : "http");
    if (url == null || url.isEmpty()) {
      problems.add(codeField + ".url", "is required");
      return null;
    }
    if (tls != null && !tls.isNull()) {
      problems.add(codeField + ".tls", "is not supported yet: modules are fetched with the system's trust roots");
    }
    byte[] pullSecret = null;
    if (image && code.image().pullSecretRef() != null) {
      pullSecret = pullSecret(policy, code.image(), codeField + ".pullSecretRef", problems);
    }
    WasmModules.Server server = modules.server();
    if (!problems.isEmpty()) {
      return null;
    }
    boolean always = "Always".equals(code.pullPolicy())
        || (code.pullPolicy() == null && image && sha256 == null && (url.endsWith(":latest") || !url.substring(url.lastIndexOf('/') + 1).contains(":")));
    WasmModules.Outcome outcome = modules.fetch(new WasmModules.Source(image, url, sha256, pullSecret, always));
    String failure = outcome instanceof WasmModules.Failed f ? f.reason() : server == null ? "no module server is configured" : null;
    boolean failOpen = Boolean.TRUE.equals(spec.failOpen());
    if (failure != null) {
      if (failOpen) {
        notes.add(field + ": " + failure + "; the module is left out, as failOpen asks");
      } else {
        problems.add(codeField, failure);
      }
      return null;
    }
    String moduleSha = ((WasmModules.Fetched) outcome).sha256();
    String name = spec.name() != null ? spec.name() : policyName + "/wasm/" + index;
    String configuration = spec.config() == null || spec.config().isNull() ? null : spec.config().toString();
    return new ExtensionsIr.Wasm(XdsNames.policyFilter(FILTER, policyName) + "/wasm/" + index, name,
        spec.rootID() == null ? "" : spec.rootID(), server.url(moduleSha), moduleSha, serverCluster(server, policy),
        configuration, spec.env() == null ? List.of() : spec.env().hostKeys(), failOpen);
  }

  private byte[] pullSecret(EnvoyGatewayPolicy policy, EnvoyExtensionPolicySpec.ImageCode image, String field, PolicyProblems problems) {
    Secret secret = secrets.read(policy, image.pullSecretRef(), field, problems);
    if (secret == null) {
      return null;
    }
    if (!DOCKER_CONFIG.equals(secret.type())) {
      problems.add(field, PolicySecrets.describe(secret) + " is of type " + secret.type() + ", not " + DOCKER_CONFIG);
      return null;
    }
    try {
      return secret.value(".dockerconfigjson").orElseGet(() -> {
        problems.add(field, PolicySecrets.describe(secret) + " has no key .dockerconfigjson");
        return null;
      });
    } catch (IllegalArgumentException e) {
      problems.add(field, PolicySecrets.describe(secret) + " key .dockerconfigjson is not valid base64");
      return null;
    }
  }

  private static DestinationIr serverCluster(WasmModules.Server server, EnvoyGatewayPolicy policy) {
    boolean ip = server.host().matches("[0-9.]+") || server.host().contains(":");
    EndpointIr endpoint = new EndpointIr(server.host(), server.port(), true, ip ? EndpointIr.Type.IP : EndpointIr.Type.FQDN);
    return new DestinationIr(SERVER_CLUSTER, policy.key(), DestinationIr.Protocol.HTTP1,
        List.of(new BackendIr(XdsNames.backend(SERVER_CLUSTER, 0), 1, List.of(endpoint))), 0);
  }
}
