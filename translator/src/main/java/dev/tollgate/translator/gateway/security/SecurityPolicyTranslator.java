package dev.tollgate.translator.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.admission.FieldPaths;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.AuthorizationIr;
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

  SecurityPolicyTranslator(ResourceSet resources, BackendResolver resolver) {
    PolicyBackends backends = new PolicyBackends(resolver);
    this.jwt = new JwtTranslator(resources, backends);
    this.extAuth = new ExtAuthTranslator(resources, backends);
  }

  /** The policy's security, or the problems that make it invalid. */
  record Translated(SecurityPolicySpec spec, SecurityIr security, String problem) {
    /** A policy refused when it was read: nothing of it is translated. */
    static Translated refused(String why) {
      return new Translated(null, null, why);
    }
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
    unsupported.put("apiKeyAuth", spec.apiKeyAuth());
    unsupported.put("basicAuth", spec.basicAuth());
    unsupported.put("csrf", spec.csrf());
    unsupported.put("oidc", spec.oidc());
    unsupported.forEach((field, value) -> {
      if (value != null && !value.isNull()) {
        problems.add(FieldPaths.child("spec", field), "is not supported by Tollgate");
      }
    });
    if (spec.mergeType() != null) {
      problems.add("spec.mergeType", "is not supported: the most specific policy applies alone");
    }
    String name = XdsNames.policy(policy.kind(), policy.metadata().namespace(), policy.metadata().name());
    JwtIr jwtIr = spec.jwt() == null ? null : jwt.translate(policy, name, spec.jwt(), problems);
    ExtAuthTranslator.Result ext = spec.extAuth() == null ? null : extAuth.translate(policy, name, spec.extAuth(), spec.jwt() != null, problems);
    CorsIr corsIr = spec.cors() == null ? null : cors.translate(spec.cors(), problems);
    AuthorizationIr authorizationIr = spec.authorization() == null ? null
        : authorization.translate(spec.authorization(), providerNames(spec), XdsNames.policyStatPrefix(name), problems);
    if (!problems.isEmpty()) {
      return new Translated(spec, null, problems.message());
    }
    ExtAuthIr extAuthIr = ext == null ? null : ext.extAuth();
    Map<String, String> extensions = ext == null ? Map.of() : ext.contextExtensions();
    return new Translated(spec, new SecurityIr(policy.key(), jwtIr, extAuthIr, extensions, corsIr, authorizationIr), null);
  }

  private static Set<String> providerNames(SecurityPolicySpec spec) {
    return spec.jwt() == null ? Set.of()
        : spec.jwt().providers().stream().filter(Objects::nonNull).map(p -> p.name()).filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
