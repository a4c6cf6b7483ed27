package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.policy.PolicyBackends;
import dev.tollgate.translator.gateway.policy.PolicyConfigMaps;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.gateway.Durations;
import dev.tollgate.translator.gateway.HttpSyntax;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.BackendIr;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.ir.JwtIr;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.envoygateway.JwtSpec;
import dev.tollgate.translator.model.gatewayapi.BackendRef;
import dev.tollgate.translator.naming.XdsNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A SecurityPolicy's {@code jwt} into IR: providers, where their keys come from, and what they extract. */
final class JwtTranslator {

  static final long DEFAULT_CACHE_MILLIS = 300_000;
  private static final int MAX_PROVIDERS = 16;
  private static final String FIELD = "spec.jwt";
  private static final String JWKS_KEY = "jwks";

  private final PolicyConfigMaps configMaps;
  private final PolicyBackends backends;

  JwtTranslator(ResourceSet resources, PolicyBackends backends) {
    this.configMaps = new PolicyConfigMaps(resources);
    this.backends = backends;
  }

  JwtIr translate(KubernetesObject policy, String policyName, JwtSpec spec, PolicyProblems problems) {
    if (spec.providers().isEmpty() || spec.providers().size() > MAX_PROVIDERS) {
      problems.add(FIELD + ".providers", "must have between 1 and " + MAX_PROVIDERS + " items");
      return null;
    }
    List<JwtIr.Provider> providers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.providers().size(); i++) {
      JwtSpec.Provider p = spec.providers().get(i);
      String at = FIELD + ".providers[" + i + "]";
      if (p.name() == null || p.name().isEmpty()) {
        problems.add(at + ".name", "is required");
        continue;
      }
      if (!names.add(p.name())) {
        problems.add(at + ".name", "duplicate provider name " + p.name());
        continue;
      }
      JwtIr.Provider provider = provider(policy, policyName, i, p, at, problems);
      if (provider != null) {
        providers.add(provider);
      }
    }
    return problems.isEmpty()
        ? new JwtIr(providers, Boolean.TRUE.equals(spec.optional()), Boolean.TRUE.equals(spec.failOpen()))
        : null;
  }

  private JwtIr.Provider provider(KubernetesObject policy, String policyName, int index, JwtSpec.Provider p, String at,
      PolicyProblems problems) {
    int before = problems.size();
    if ((p.remoteJWKS() == null) == (p.localJWKS() == null)) {
      problems.add(at, "exactly one of remoteJWKS and localJWKS must be set");
      return null;
    }
    JwtIr.RemoteJwks remote = p.remoteJWKS() == null ? null
        : remote(policy, policyName, index, p.remoteJWKS(), at + ".remoteJWKS", problems);
    String local = p.localJWKS() == null ? null : local(policy, p.localJWKS(), at + ".localJWKS", problems);
    List<JwtIr.ClaimHeader> claims = new ArrayList<>();
    for (int j = 0; j < p.claimToHeaders().size(); j++) {
      JwtSpec.ClaimToHeader c = p.claimToHeaders().get(j);
      String cat = at + ".claimToHeaders[" + j + "]";
      String headerProblem = HttpSyntax.headerNameProblem(c.header());
      if (headerProblem != null) {
        problems.add(cat + ".header", headerProblem);
      }
      if (c.claim() == null || c.claim().isEmpty()) {
        problems.add(cat + ".claim", "is required");
      }
      claims.add(new JwtIr.ClaimHeader(c.claim(), c.header()));
    }
    List<JwtIr.HeaderSource> fromHeaders = new ArrayList<>();
    List<String> cookies = List.of();
    List<String> params = List.of();
    if (p.extractFrom() != null) {
      for (int j = 0; j < p.extractFrom().headers().size(); j++) {
        JwtSpec.HeaderSource h = p.extractFrom().headers().get(j);
        String headerProblem = HttpSyntax.headerNameProblem(h.name());
        if (headerProblem != null) {
          problems.add(at + ".extractFrom.headers[" + j + "].name", headerProblem);
        }
        fromHeaders.add(new JwtIr.HeaderSource(h.name(), h.valuePrefix()));
      }
      cookies = nonEmpty(p.extractFrom().cookies(), at + ".extractFrom.cookies", problems);
      params = nonEmpty(p.extractFrom().params(), at + ".extractFrom.params", problems);
    }
    if (problems.size() > before) {
      return null;
    }
    return new JwtIr.Provider(p.name(), p.issuer(), p.audiences(), remote, local, claims,
        Boolean.TRUE.equals(p.recomputeRoute()), fromHeaders, cookies, params);
  }

  /**
   * Keys over HTTPS only: a key set fetched in clear could be replaced on the way and every token
   * it signs accepted. The URI's host is reached by DNS unless the provider names backends.
   */
  private JwtIr.RemoteJwks remote(KubernetesObject policy, String policyName, int index, JwtSpec.RemoteJwks spec,
      String at, PolicyProblems problems) {
    URI uri;
    try {
      uri = new URI(spec.uri() == null ? "" : spec.uri());
    } catch (URISyntaxException e) {
      problems.add(at + ".uri", "\"" + spec.uri() + "\" is not a URI");
      return null;
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
      problems.add(at + ".uri", "must be an https URI with a host, not \"" + spec.uri() + "\"");
      return null;
    }
    long cache = DEFAULT_CACHE_MILLIS;
    if (spec.cacheDuration() != null) {
      try {
        cache = Durations.toMillis(spec.cacheDuration());
      } catch (IllegalArgumentException e) {
        problems.add(at + ".cacheDuration", e.getMessage());
      }
    }
    List<BackendRef> refs = spec.backendRef() != null ? List.of(spec.backendRef()) : spec.backendRefs();
    if (refs.isEmpty()) {
      int port = uri.getPort() < 0 ? 443 : uri.getPort();
      String cluster = XdsNames.jwksCluster(uri.getHost(), port);
      DestinationIr byDns = new DestinationIr(cluster, policy.key(), DestinationIr.Protocol.HTTP1, List.of(new BackendIr(
          XdsNames.backend(cluster, 0), 1, List.of(new EndpointIr(uri.getHost(), port, true, EndpointIr.Type.FQDN)))), 0);
      return new JwtIr.RemoteJwks(spec.uri(), byDns, cache);
    }
    String cluster = XdsNames.policyCluster(policyName, "jwt", index);
    DestinationIr destination = backends.resolve(policy.key(), refs, cluster, false, at + ".backendRefs", problems);
    return destination == null ? null : new JwtIr.RemoteJwks(spec.uri(), destination, cache);
  }

  /** An inline key set, or one read from a ConfigMap (key {@code jwks}, else its only value); must be a JWKS document. */
  private String local(KubernetesObject policy, JwtSpec.LocalJwks spec, String at, PolicyProblems problems) {
    String type = spec.type() == null ? "Inline" : spec.type();
    String jwks;
    if (type.equals("Inline")) {
      jwks = spec.inline();
      if (jwks == null || jwks.isBlank()) {
        problems.add(at + ".inline", "is required when type is Inline");
        return null;
      }
    } else if (type.equals("ValueRef")) {
      jwks = fromConfigMap(policy, spec.valueRef(), at + ".valueRef", problems);
      if (jwks == null) {
        return null;
      }
    } else {
      problems.add(at + ".type", "must be Inline or ValueRef");
      return null;
    }
    try {
      JsonNode doc = Mappers.json().readTree(jwks);
      if (doc == null || !doc.path("keys").isArray() || doc.path("keys").isEmpty()) {
        problems.add(at, "is not a JSON Web Key Set: it needs a non-empty \"keys\" list");
        return null;
      }
    } catch (java.io.IOException e) {
      problems.add(at, "is not a JSON Web Key Set: not JSON");
      return null;
    }
    return jwks;
  }

  private String fromConfigMap(KubernetesObject policy, JwtSpec.LocalObjectReference ref, String at, PolicyProblems problems) {
    return configMaps.value(policy, ref, JWKS_KEY, false, at, problems);
  }


  private static List<String> nonEmpty(List<String> values, String field, PolicyProblems problems) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null || values.get(i).isEmpty()) {
        problems.add(field + "[" + i + "]", "must not be empty");
      }
    }
    return values;
  }
}
