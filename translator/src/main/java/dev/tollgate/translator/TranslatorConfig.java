package dev.tollgate.translator;

import dev.tollgate.translator.wasm.WasmModules;

import dev.tollgate.translator.extension.ExtensionKinds;

/**
 * Settings of one translation.
 *
 * @param controllerName GatewayClasses with this controllerName are Tollgate's
 * @param transitionTime the {@code lastTransitionTime} written in conditions (RFC 3339); offline
 *     translation uses a fixed time so output is reproducible
 * @param backendsEnabled whether Envoy Gateway's Backend kind may be referenced
 * @param envoyPatchPolicyEnabled whether EnvoyPatchPolicies are applied
 * @param extensionKinds the kinds an extension server owns (none without an extension)
 */
public record TranslatorConfig(
    String controllerName, String transitionTime, boolean backendsEnabled, boolean envoyPatchPolicyEnabled,
    ExtensionKinds extensionKinds,
    WasmModules wasmModules) {

  public static final String DEFAULT_CONTROLLER_NAME = "tollgate.dev/gatewayclass-controller";
  public static final String FIXED_TRANSITION_TIME = "1970-01-01T00:00:00Z";

  public TranslatorConfig {
    extensionKinds = extensionKinds == null ? ExtensionKinds.NONE : extensionKinds;
    wasmModules = wasmModules == null ? WasmModules.NONE : wasmModules;
  }

  public TranslatorConfig(String controllerName, String transitionTime, boolean backendsEnabled, boolean envoyPatchPolicyEnabled,
      ExtensionKinds extensionKinds) {
    this(controllerName, transitionTime, backendsEnabled, envoyPatchPolicyEnabled, extensionKinds, WasmModules.NONE);
  }

  public TranslatorConfig(String controllerName, String transitionTime, boolean backendsEnabled, boolean envoyPatchPolicyEnabled) {
    this(controllerName, transitionTime, backendsEnabled, envoyPatchPolicyEnabled, ExtensionKinds.NONE);
  }

  /** What {@code tollgate translate} uses: every feature on, fixed timestamps. */
  public static TranslatorConfig offline() {
    return new TranslatorConfig(DEFAULT_CONTROLLER_NAME, FIXED_TRANSITION_TIME, true, true);
  }

  public TranslatorConfig withControllerName(String name) {
    return new TranslatorConfig(name, transitionTime, backendsEnabled, envoyPatchPolicyEnabled, extensionKinds, wasmModules);
  }

  public TranslatorConfig withTransitionTime(String time) {
    return new TranslatorConfig(controllerName, time, backendsEnabled, envoyPatchPolicyEnabled, extensionKinds, wasmModules);
  }

  public TranslatorConfig withBackendsEnabled(boolean enabled) {
    return new TranslatorConfig(controllerName, transitionTime, enabled, envoyPatchPolicyEnabled, extensionKinds, wasmModules);
  }

  public TranslatorConfig withEnvoyPatchPolicyEnabled(boolean enabled) {
    return new TranslatorConfig(controllerName, transitionTime, backendsEnabled, enabled, extensionKinds, wasmModules);
  }

  public TranslatorConfig withExtensionKinds(ExtensionKinds kinds) {
    return new TranslatorConfig(controllerName, transitionTime, backendsEnabled, envoyPatchPolicyEnabled, kinds, wasmModules);
  }

  public TranslatorConfig withWasmModules(WasmModules modules) {
    return new TranslatorConfig(controllerName, transitionTime, backendsEnabled, envoyPatchPolicyEnabled, extensionKinds, modules);
  }
}
