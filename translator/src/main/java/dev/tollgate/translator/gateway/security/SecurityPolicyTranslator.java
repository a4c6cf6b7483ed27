package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicySecrets;
import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.policy.PolicyBackends;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.admission.FieldPaths;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.ir.ApiKeyAuthIr;
import dev.tollgate.translator.ir.AuthorizationIr;
import dev.tollgate.translator.ir.BasicAuthIr;
import dev.tollgate.translator.ir.CorsIr;
import dev.tollgate.translator.ir.ExtAuthIr;
import dev.tollgate.translator.ir.JwtIr;
import dev.tollgate.translator.ir.SecurityIr;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.envoygateway.SecurityPolicySpec;
import dev.tollgate.translator.naming.XdsNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one SecurityPolicy's spec and translates what it asks for, or says everything that is
 * wrong with it. Anything Tollgate cannot honour — an unknown field, a feature it does not
 * implement — makes the policy invalid: its routes are then closed, never left open.
 */
final class SecurityPolicyTranslator {

  private final JwtTranslator jwt;
  private final ExtAuthTranslator extAuth;
  private final CorsTranslator cors = new CorsTranslator();
  private final AuthorizationTranslator authorization = new AuthorizationTranslator();

  private final ApiKeyAuthTranslator apiKeyAuth;
  private final BasicAuthTranslator basicAuth;

  SecurityPolicyTranslator(ResourceSet resources, ReferenceGrants grants, BackendResolver resolver) {
    PolicyBackends backends = new PolicyBackends(resolver);
    this.jwt = new JwtTranslator(resources, backends);
    this.extAuth = new ExtAuthTranslator(resources, backends);
    PolicySecrets secrets = new PolicySecrets(resources, grants);
    this.apiKeyAuth = new ApiKeyAuthTranslator(secrets);
    this.basicAuth = new BasicAuthTranslator(secrets);
  }

  /** The policy's security, or the problems that make it invalid. */
  record Translated(SecurityPolicySpec spec, SecurityIr security, String problem) {
    /** A policy refused when it was read: nothing of it is translated. */
    static Translated refused(String why) {
      return new Translated(null, null, why);
    }
  }

  /**
   * A route's policy with {@code mergeType} merged onto a wider one: translated as one policy
   * under the route policy's name, its references resolved in the namespace both share.
   */
  Translated translateMerged(EnvoyGatewayPolicy route, EnvoyGatewayPolicy wider) {
    if (!route.metadata().namespace().equals(wider.metadata().namespace())) {
      return Translated.refused("spec.mergeType: the policy it merges onto, SecurityPolicy " + wider.metadata().namespace()
          + "/" + wider.metadata().name() + ", is in another namespace, where its references would not resolve the same");
    }
    String type = route.spec().path("mergeType").asText();
    EnvoyGatewayPolicy merged = new EnvoyGatewayPolicy(route.apiVersion(), route.kind(), route.metadata(),
        PolicyMerge.merge(type, wider.spec(), route.spec()));
    Translated t = translate(merged);
    return t.problem() == null ? t : Translated.refused("merged with SecurityPolicy " + wider.metadata().namespace() + "/"
        + wider.metadata().name() + " (" + type + "): " + t.problem());
  }

  Translated translate(EnvoyGatewayPolicy policy) {
    Binder.Result<SecurityPolicySpec> bound = Binder.bind(policy.spec(), SecurityPolicySpec.class);
    if (!bound.ok()) {
      return new Translated(null, null, bound.errorUnder("spec"));
    }
    SecurityPolicySpec spec = bound.value();
    PolicyProblems problems = new PolicyProblems();
    bound.unknownFieldsUnder("spec").forEach(f -> problems.add(f, "unknown field; the policy is not applied without it"));
    Map<String, JsonNode> unsupported = new LinkedHashMap<>();
    unsupported.put("csrf", spec.csrf());
    unsupported.put("oidc", spec.oidc());
    unsupported.forEach((field, value) -> {
      if (value != null && !value.isNull()) {
        problems.add(FieldPaths.child("spec", field), "is not supported by Tollgate");
      }
    });
    if (spec.mergeType() != null) {
      if (!spec.mergeType().equals(PolicyMerge.JSON_MERGE) && !spec.mergeType().equals(PolicyMerge.STRATEGIC_MERGE)) {
        problems.add("spec.mergeType", "\"" + spec.mergeType() + "\" is not one of JSONMerge, StrategicMerge");
      }
      if (spec.references().stream().anyMatch(r -> r.kind() != null && !r.kind().endsWith("Route"))
          || spec.targetSelectors().stream().anyMatch(s -> s.kind() != null && !s.kind().endsWith("Route"))) {
        problems.add("spec.mergeType", "can only be set on a policy that targets routes: it merges the route's policy onto its Gateway's");
      }
    }
    String name = XdsNames.policy(policy.kind(), policy.metadata().namespace(), policy.metadata().name());
    JwtIr jwtIr = spec.jwt() == null ? null : jwt.translate(policy, name, spec.jwt(), problems);
    ExtAuthTranslator.Result ext = spec.extAuth() == null ? null : extAuth.translate(policy, name, spec.extAuth(), spec.jwt() != null, problems);
    CorsIr corsIr = spec.cors() == null ? null : cors.translate(spec.cors(), problems);
    ApiKeyAuthIr apiKeyIr = spec.apiKeyAuth() == null ? null : apiKeyAuth.translate(policy, name, spec.apiKeyAuth(), problems);
    BasicAuthIr basicIr = spec.basicAuth() == null ? null : basicAuth.translate(policy, name, spec.basicAuth(), problems);
    AuthorizationIr authorizationIr = spec.authorization() == null ? null
        : authorization.translate(spec.authorization(), providerNames(spec), XdsNames.policyStatPrefix(name), problems);
    if (!problems.isEmpty()) {
      return new Translated(spec, null, problems.message());
    }
    ExtAuthIr extAuthIr = ext == null ? null : ext.extAuth();
    Map<String, String> extensions = ext == null ? Map.of() : ext.contextExtensions();
    return new Translated(spec, new SecurityIr(policy.key(), jwtIr, extAuthIr, extensions, corsIr, authorizationIr, apiKeyIr, basicIr), null);
  }

  private static Set<String> providerNames(SecurityPolicySpec spec) {
    return spec.jwt() == null ? Set.of()
        : spec.jwt().providers().stream().filter(Objects::nonNull).map(p -> p.name()).filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
