package dev.tollgate.translator.gateway.extensionpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.gateway.Durations;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.gateway.policy.PolicyBackends;
import dev.tollgate.translator.gateway.policy.PolicyConfigMaps;
import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.policy.PolicySecrets;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.ExtensionsIr;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.EnvoyExtensionPolicySpec;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.BackendRef;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.wasm.WasmModules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one EnvoyExtensionPolicy and translates its Lua scripts and external processors, or says
 * everything wrong with it. What Tollgate cannot honour (a module it cannot fetch, dynamic
 * modules, a setting the Envoy API it targets lacks) makes the policy invalid, and its routes closed.
 */
final class ExtensionPolicyTranslator {

  static final String LUA_FILTER = "envoy.filters.http.lua";
  static final String EXT_PROC_FILTER = "envoy.filters.http.ext_proc";
  private static final String LUA_KEY = "lua";
  private static final long DEFAULT_MESSAGE_TIMEOUT_MILLIS = 200;
  private static final Set<String> BODY_MODES = Set.of("Streamed", "Buffered", "BufferedPartial", "FullDuplexStreamed");

  private final PolicyConfigMaps configMaps;
  private final PolicyBackends backends;
  private final WasmTranslator wasm;

  ExtensionPolicyTranslator(ResourceSet resources, BackendResolver resolver, ReferenceGrants grants, WasmModules modules) {
    this.configMaps = new PolicyConfigMaps(resources);
    this.backends = new PolicyBackends(resolver);
    this.wasm = new WasmTranslator(modules, new PolicySecrets(resources, grants));
  }

  /**
   * The policy's extensions, or the problems that make it invalid.
   *
   * @param notes what was left out although the policy is applied (a Wasm module with failOpen)
   */
  record Translated(ExtensionsIr extensions, String problem, List<String> notes) {
    static Translated refused(String problem) {
      return new Translated(null, problem, List.of());
    }
  }

  Translated translate(EnvoyGatewayPolicy policy) {
    Binder.Result<EnvoyExtensionPolicySpec> bound = Binder.bind(policy.spec(), EnvoyExtensionPolicySpec.class);
    if (!bound.ok()) {
      return Translated.refused(bound.errorUnder("spec"));
    }
    EnvoyExtensionPolicySpec spec = bound.value();
    PolicyProblems problems = new PolicyProblems();
    bound.unknownFieldsUnder("spec").forEach(f -> problems.add(f, "unknown field; the policy is not applied without it"));
    unsupported("spec.dynamicModule", spec.dynamicModule(), "dynamic modules are not supported by Tollgate", problems);
    if (spec.mergeType() != null) {
      problems.add("spec.mergeType", "is not supported for EnvoyExtensionPolicy: the most specific policy applies alone");
    }
    String name = XdsNames.policy(policy.kind(), policy.metadata().namespace(), policy.metadata().name());
    List<ExtensionsIr.Lua> lua = new ArrayList<>();
    for (int i = 0; i < spec.lua().size(); i++) {
      ExtensionsIr.Lua script = lua(policy, name, i, spec.lua().get(i), problems);
      if (script != null) {
        lua.add(script);
      }
    }
    List<ExtensionsIr.ExtProc> processors = new ArrayList<>();
    for (int i = 0; i < spec.extProc().size(); i++) {
      ExtensionsIr.ExtProc p = extProc(policy.key(), policy.metadata().namespace(), name, i, spec.extProc().get(i), problems);
      if (p != null) {
        processors.add(p);
      }
    }
    List<ExtensionsIr.Wasm> modules = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < spec.wasm().size(); i++) {
      PolicyProblems own = new PolicyProblems();
      ExtensionsIr.Wasm module = wasm.translate(policy, name, i, spec.wasm().get(i), own, notes);
      if (module != null) {
        modules.add(module);
      }
      own.all().forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      return Translated.refused(problems.message());
    }
    return new Translated(new ExtensionsIr(policy.key(), lua, processors, modules), null, notes);
  }

  private static void unsupported(String field, JsonNode value, String why, PolicyProblems problems) {
    if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
      problems.add(field, "is not supported: " + why);
    }
  }

  private ExtensionsIr.Lua lua(EnvoyGatewayPolicy policy, String name, int index, EnvoyExtensionPolicySpec.Lua spec,
      PolicyProblems problems) {
    String field = "spec.lua[" + index + "]";
    String type = spec.type() == null ? "Inline" : spec.type();
    String source = switch (type) {
      case "Inline" -> {
        if (spec.inline() == null || spec.inline().isBlank()) {
          problems.add(field + ".inline", "is required when type is Inline");
        }
        yield spec.inline();
      }
      case "ValueRef" -> configMaps.value(policy, spec.valueRef(), LUA_KEY, true, field + ".valueRef", problems);
      default -> {
        problems.add(field + ".type", "\"" + type + "\" is not one of Inline, ValueRef");
        yield null;
      }
    };
    if (spec.filterContext() != null && !spec.filterContext().isNull()) {
      problems.add(field + ".filterContext", "is not supported: the Envoy API Tollgate targets has no per-route Lua context");
    }
    if (source == null || source.isBlank()) {
      return null;
    }
    String syntax = LuaSyntax.problem(source);
    if (syntax != null) {
      problems.add(field, "the script does not compile: " + syntax);
      return null;
    }
    return new ExtensionsIr.Lua(XdsNames.policyFilter(LUA_FILTER, name) + "/lua/" + index, source);
  }

  private ExtensionsIr.ExtProc extProc(ObjectKey policy, String namespace, String name, int index,
      EnvoyExtensionPolicySpec.ExtProc spec, PolicyProblems problems) {
    String field = "spec.extProc[" + index + "]";
    List<BackendRef> refs = spec.references();
    DestinationIr destination = backends.resolve(policy, refs, XdsNames.policyCluster(name, "extproc", index), true,
        field + (spec.backendRef() != null ? ".backendRef" : ".backendRefs"), problems);
    unsupported(field + ".backendSettings", spec.backendSettings(), "backend traffic settings are not supported by Tollgate", problems);
    if (spec.statusOnError() != null && spec.statusOnError() != 500) {
      problems.add(field + ".statusOnError", "is not supported: the Envoy API Tollgate targets answers a failed processor with 500");
    }
    long timeout = DEFAULT_MESSAGE_TIMEOUT_MILLIS;
    if (spec.messageTimeout() != null) {
      try {
        timeout = Durations.toMillis(spec.messageTimeout());
      } catch (IllegalArgumentException e) {
        problems.add(field + ".messageTimeout", e.getMessage());
      }
    }
    var mode = spec.processingMode();
    var request = mode == null ? null : mode.request();
    var response = mode == null ? null : mode.response();
    String requestBody = body(request, field + ".processingMode.request.body", problems);
    String responseBody = body(response, field + ".processingMode.response.body", problems);
    var metadata = spec.metadata();
    if (destination == null) {
      return null;
    }
    return new ExtensionsIr.ExtProc(XdsNames.policyFilter(EXT_PROC_FILTER, name) + "/extproc/" + index, destination,
        PolicyBackends.authority(refs.get(0), namespace, destination), Boolean.TRUE.equals(spec.failOpen()), timeout,
        request != null, requestBody, request == null ? List.of() : request.attributes(),
        response != null, responseBody, response == null ? List.of() : response.attributes(),
        mode != null && Boolean.TRUE.equals(mode.allowModeOverride()),
        metadata == null ? List.of() : metadata.accessibleNamespaces(),
        metadata == null ? List.of() : metadata.writableNamespaces(),
        Boolean.TRUE.equals(spec.shadowMode()));
  }

  private static String body(EnvoyExtensionPolicySpec.Phase phase, String field, PolicyProblems problems) {
    if (phase == null || phase.body() == null) {
      return null;
    }
    if (!BODY_MODES.contains(phase.body())) {
      problems.add(field, "\"" + phase.body() + "\" is not one of " + new java.util.TreeSet<>(BODY_MODES));
      return null;
    }
    return phase.body();
  }
}
