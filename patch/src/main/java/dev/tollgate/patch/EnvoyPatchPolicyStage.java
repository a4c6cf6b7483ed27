package dev.tollgate.patch;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.PROGRAMMED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.gateway.policy.PolicyAncestors;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.RejectedObject;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.envoygateway.EnvoyPatchPolicySpec;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.GatewayXds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies EnvoyPatchPolicies to the Gateways they target, as Envoy Gateway does: by priority
 * (lowest first), then creation time, then name; each entry in order. An entry that cannot be
 * applied — a bad path, a query that selects nothing, a resource that does not exist, a result
 * Envoy would reject or that breaks a reference — is skipped, and the others still apply. The
 * policy's status names every entry that failed and why.
 */
public final class EnvoyPatchPolicyStage implements OutputStage {

  static final String KIND = "EnvoyPatchPolicy";
  private static final String DISABLED = Reason.DISABLED;
  private static final Comparator<EnvoyGatewayPolicy> ORDER = Comparator
      .comparing((EnvoyGatewayPolicy p) -> priority(p))
      .thenComparing(p -> Objects.requireNonNullElse(p.metadata().creationTimestamp(), ""))
      .thenComparing(p -> p.metadata().namespace())
      .thenComparing(p -> p.metadata().name());

  private final XdsValidator validator;
  private final PatchApplier applier;

  public EnvoyPatchPolicyStage(XdsValidator validator) {
    this.validator = validator;
    this.applier = new PatchApplier(validator);
  }

  @Override
  public void apply(TranslationContext context) {
    for (RejectedObject refused : context.resources().rejected(KIND)) {
      context.statuses().add(refuse(refused, context));
    }
    List<EnvoyGatewayPolicy> policies = new ArrayList<>(context.resources().all(KIND, EnvoyGatewayPolicy.class));
    policies.sort(ORDER);
    for (EnvoyGatewayPolicy policy : policies) {
      context.statuses().add(apply(policy, context));
    }
  }

  /**
   * A policy that could not be read: the patches it holds may be what protects its Gateway, so the
   * Gateway's configuration is not updated without them (serving keeps the last good one).
   */
  private ObjectStatus refuse(RejectedObject refused, TranslationContext context) {
    EnvoyGatewayPolicy policy = refused.asEnvoyGatewayPolicy();
    PolicyAncestors ancestors = new PolicyAncestors(policy, context.config().controllerName(), context.config().transitionTime());
    JsonNode name = refused.spec() == null ? null : refused.spec().path("targetRef").path("name");
    if (name == null || !name.isTextual()) {
      ancestors.of(ancestors.self(Kinds.ENVOY_GATEWAY_GROUP)).set(ACCEPTED, false, Reason.INVALID,
          "The policy cannot be applied: " + refused.summary() + "; its target Gateway cannot be read from it");
      return ancestors.status();
    }
    String problem = "The policy cannot be applied: " + refused.summary();
    ancestors.of(new ParentReference(Kinds.GATEWAY_API_GROUP, "Gateway", policy.metadata().namespace(), name.asText(), null, null))
        .set(ACCEPTED, false, Reason.INVALID, problem + "; the Gateway's configuration is not updated without its patches");
    if (context.config().envoyPatchPolicyEnabled()) {
      withholdTarget(policy, refused.spec().path("targetRef").path("kind").asText(), name.asText(), problem, context);
    }
    return ancestors.status();
  }

  /**
   * Withholds what a policy that cannot be applied targets: its Gateway, or every Gateway of its
   * GatewayClass, since the patches may be what protects them.
   */
  private static void withholdTarget(EnvoyGatewayPolicy policy, String kind, String target, String problem,
      TranslationContext context) {
    List<String> gateways = "GatewayClass".equals(kind)
        ? context.resources().gateways().stream()
            .filter(g -> g.spec() != null && target.equals(g.spec().gatewayClassName()))
            .map(g -> XdsNames.gateway(g.metadata().namespace(), g.metadata().name())).sorted().toList()
        : List.of(XdsNames.gateway(policy.metadata().namespace(), target));
    String message = "EnvoyPatchPolicy " + policy.metadata().namespace() + "/" + policy.metadata().name() + " targets it but "
        + Character.toLowerCase(problem.charAt(0)) + problem.substring(1)
        + "; the Gateway's configuration is not updated without its patches";
    for (String gateway : gateways) {
      if (context.gateways().containsKey(gateway)) {
        context.withhold(gateway, message);
        context.markGatewayNotProgrammed(gateway, Reason.INVALID, message);
      }
    }
  }

  private ObjectStatus apply(EnvoyGatewayPolicy policy, TranslationContext context) {
    PolicyAncestors ancestors = new PolicyAncestors(policy, context.config().controllerName(), context.config().transitionTime());
    Binder.Result<EnvoyPatchPolicySpec> bound = Binder.bind(policy.spec(), EnvoyPatchPolicySpec.class);
    EnvoyPatchPolicySpec.TargetRef target = bound.ok() ? bound.value().targetRef() : null;
    // The targeted Gateway is the ancestor; a target of another kind (a GatewayClass) is no Gateway
    // to report on, so the policy reports on itself.
    boolean gatewayTarget = target != null && Kinds.GATEWAY_API_GROUP.equals(target.group()) && "Gateway".equals(target.kind());
    ParentReference ancestor = !gatewayTarget ? ancestors.self(Kinds.ENVOY_GATEWAY_GROUP)
        : new ParentReference(target.group(), target.kind(), policy.metadata().namespace(), target.name(), null, null);
    Conditions conditions = ancestors.of(ancestor);
    String problem = !bound.ok() ? bound.errorUnder("spec") : problem(bound.value(), bound.unknownFieldsUnder("spec"));
    if (problem != null) {
      conditions.set(ACCEPTED, false, Reason.INVALID, problem);
      if (target != null && target.name() != null && context.config().envoyPatchPolicyEnabled()) {
        withholdTarget(policy, target.kind(), target.name(), "The policy cannot be applied: " + problem, context);
      }
      return ancestors.status();
    }
    if (!context.config().envoyPatchPolicyEnabled()) {
      conditions.set(ACCEPTED, false, DISABLED,
          "EnvoyPatchPolicies are disabled in Tollgate's configuration (enableEnvoyPatchPolicy)");
      return ancestors.status();
    }
    String gateway = XdsNames.gateway(policy.metadata().namespace(), target.name());
    GatewayXds xds = context.gateways().get(gateway);
    if (xds == null) {
      conditions.set(ACCEPTED, false, Reason.TARGET_NOT_FOUND,
          "Gateway " + gateway + " does not exist, is not one of Tollgate's, or has no configuration");
      return ancestors.status();
    }
    conditions.set(ACCEPTED, true, Reason.ACCEPTED, "Policy has been accepted");
    List<String> failures = new ArrayList<>();
    String reason = apply(policy, bound.value(), xds, context, failures);
    if (failures.isEmpty()) {
      conditions.set(PROGRAMMED, true, Reason.PROGRAMMED, "All " + bound.value().jsonPatches().size() + " patches are applied");
    } else {
      conditions.set(PROGRAMMED, false, reason, String.join("; ", failures));
    }
    return ancestors.status();
  }

  /** Applies every entry it can; returns the reason of the first failure (failures are added to the list). */
  private String apply(EnvoyGatewayPolicy policy, EnvoyPatchPolicySpec spec, GatewayXds xds, TranslationContext context,
      List<String> failures) {
    GatewayXds.Builder out = xds.toBuilder();
    Set<String> before = violations(out.build());
    String reason = null;
    for (int i = 0; i < spec.jsonPatches().size(); i++) {
      EnvoyPatchPolicySpec.JsonPatch entry = spec.jsonPatches().get(i);
      String at = "jsonPatches[" + i + "] (" + (entry.operation() == null ? "?" : entry.operation().op()) + " on " + entry.name() + ")";
      GatewayXds.Builder attempt = out.build().toBuilder();
      try {
        applier.apply(entry, attempt, policy.key());
        Set<String> after = violations(attempt.build());
        after.removeAll(before);
        if (!after.isEmpty()) {
          throw new PatchApplier.Failure(PatchApplier.INVALID, "the result would be rejected by Envoy: " + after.iterator().next());
        }
        out = attempt;
      } catch (PatchApplier.Failure f) {
        failures.add(at + ": " + f.getMessage());
        reason = reason == null ? f.reason : reason;
      }
    }
    context.replace(out.build());
    return reason;
  }

  private Set<String> violations(GatewayXds xds) {
    Set<String> out = new HashSet<>();
    validator.validate(xds).stream().map(Violation::toString).forEach(out::add);
    return out;
  }

  private static String problem(EnvoyPatchPolicySpec spec, List<String> unknownFields) {
    if (!unknownFields.isEmpty()) {
      return unknownFields.get(0) + ": unknown field";
    }
    if (!"JSONPatch".equals(spec.type())) {
      return "spec.type: must be JSONPatch";
    }
    EnvoyPatchPolicySpec.TargetRef t = spec.targetRef();
    if (t == null || t.name() == null || t.name().isEmpty()) {
      return "spec.targetRef: a Gateway is required";
    }
    if ("GatewayClass".equals(t.kind())) {
      return "spec.targetRef: a GatewayClass can be targeted only when its Gateways are merged, which Tollgate does not do;"
          + " target each Gateway";
    }
    if (!Kinds.GATEWAY_API_GROUP.equals(t.group()) || !"Gateway".equals(t.kind())) {
      return "spec.targetRef: must be a Gateway (group " + Kinds.GATEWAY_API_GROUP + ")";
    }
    return null;
  }

  private static int priority(EnvoyGatewayPolicy p) {
    var v = p.spec() == null ? null : p.spec().get("priority");
    return v != null && v.isInt() ? v.intValue() : 0;
  }
}
