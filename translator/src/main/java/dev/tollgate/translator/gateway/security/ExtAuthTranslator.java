package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.policy.PolicyBackends;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.gateway.Durations;
import dev.tollgate.translator.gateway.HttpSyntax;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.ExtAuthIr;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.core.ConfigMap;
import dev.tollgate.translator.model.envoygateway.ExtAuthSpec;
import dev.tollgate.translator.model.gatewayapi.BackendRef;
import dev.tollgate.translator.naming.XdsNames;
import io.envoyproxy.envoy.type.v3.StatusCode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A SecurityPolicy's {@code extAuth} into IR: the authorization service and how it is asked. */
final class ExtAuthTranslator {

  static final String FILTER = "envoy.filters.http.ext_authz";
  static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
  /** Context extension keys Tollgate fills in per route; a policy may not set them. */
  static final Set<String> ROUTE_IDENTITY = Set.of("gateway", "route_kind", "route_namespace", "route_name");

  private static final String FIELD = "spec.extAuth";

  private final ResourceSet resources;
  private final PolicyBackends backends;

  ExtAuthTranslator(ResourceSet resources, PolicyBackends backends) {
    this.resources = resources;
    this.backends = backends;
  }

  /** The translated service and the policy's static context extensions. */
  record Result(ExtAuthIr extAuth, Map<String, String> contextExtensions) {}

  /** {@code hasJwt}: the policy also sets {@code jwt}, whose verified payloads the service may receive. */
  Result translate(KubernetesObject policy, String policyName, ExtAuthSpec spec, boolean hasJwt, PolicyProblems problems) {
    if ((spec.grpc() == null) == (spec.http() == null)) {
      problems.add(FIELD, "exactly one of grpc and http must be set");
      return null;
    }
    boolean grpc = spec.grpc() != null;
    List<BackendRef> refs = grpc ? spec.grpc().references() : spec.http().service().references();
    String field = FIELD + (grpc ? ".grpc" : ".http") + ".backendRefs";
    DestinationIr destination = backends.resolve(policy.key(), refs, XdsNames.policyCluster(policyName, "extauth", 0),
        grpc, field, problems);
    long timeout = DEFAULT_TIMEOUT_MILLIS;
    if (spec.timeout() != null) {
      try {
        timeout = Durations.toMillis(spec.timeout());
        if (timeout == 0) {
          problems.add(FIELD + ".timeout", "must be greater than 0");
        }
      } catch (IllegalArgumentException e) {
        problems.add(FIELD + ".timeout", e.getMessage());
      }
    }
    headerNames(spec.headersToExtAuth(), FIELD + ".headersToExtAuth", problems);
    List<String> toBackend = grpc ? List.of() : spec.http().headersToBackend();
    headerNames(toBackend, FIELD + ".http.headersToBackend", problems);
    String path = grpc ? null : spec.http().path();
    if (path != null && !path.isEmpty() && !path.startsWith("/")) {
      problems.add(FIELD + ".http.path", "must start with /");
    }
    ExtAuthIr.Body body = body(spec.bodyToExtAuth(), problems);
    Integer statusOnError = spec.statusOnError();
    if (statusOnError != null && (statusOnError < 400 || statusOnError > 599 || StatusCode.forNumber(statusOnError) == null)) {
      problems.add(FIELD + ".statusOnError", statusOnError + " is not an HTTP error status Envoy can answer with");
    }
    if (Boolean.TRUE.equals(spec.includeRouteMetadata())) {
      problems.add(FIELD + ".includeRouteMetadata", "is not supported; the route's identity is sent as context extensions "
          + ROUTE_IDENTITY.stream().sorted().toList());
    }
    boolean jwtPayload = Boolean.TRUE.equals(spec.jwtPayloadToExtAuth());
    if (jwtPayload && !hasJwt) {
      problems.add(FIELD + ".jwtPayloadToExtAuth", "requires spec.jwt: without it no JWT is verified and there is no payload to send");
    }
    Map<String, String> extensions = contextExtensions(policy, spec.contextExtensions(), problems);
    if (destination == null || !problems.isEmpty()) {
      return null;
    }
    String authority = PolicyBackends.authority(refs.get(0), policy.metadata().namespace(), destination);
    ExtAuthIr ir = new ExtAuthIr(XdsNames.policyFilter(FILTER, policyName), grpc, destination, authority,
        path == null ? null : path, spec.headersToExtAuth(), toBackend, Boolean.TRUE.equals(spec.failOpen()), timeout, body,
        statusOnError, Boolean.TRUE.equals(spec.recomputeRoute()), jwtPayload);
    return new Result(ir, extensions);
  }

  private static ExtAuthIr.Body body(ExtAuthSpec.BodyToExtAuth body, PolicyProblems problems) {
    if (body == null) {
      return null;
    }
    if (body.maxRequestBytes() == null || body.maxRequestBytes() < 1) {
      problems.add(FIELD + ".bodyToExtAuth.maxRequestBytes", "is required and must be at least 1");
      return null;
    }
    return new ExtAuthIr.Body(body.maxRequestBytes(), Boolean.TRUE.equals(body.allowPartialMessage()),
        Boolean.TRUE.equals(body.packAsBytes()));
  }

  private static void headerNames(List<String> names, String field, PolicyProblems problems) {
    for (int i = 0; i < names.size(); i++) {
      String problem = HttpSyntax.headerNameProblem(names.get(i));
      if (problem != null) {
        problems.add(field + "[" + i + "]", problem);
      }
    }
  }

  /**
   * Static context extensions. Values come inline or from a ConfigMap; not from a Secret, since
   * they are written into the generated configuration in clear.
   */
  private Map<String, String> contextExtensions(KubernetesObject policy, List<ExtAuthSpec.ContextExtension> list,
      PolicyProblems problems) {
    Map<String, String> out = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      ExtAuthSpec.ContextExtension e = list.get(i);
      String at = FIELD + ".contextExtensions[" + i + "]";
      if (e.name() == null || e.name().isEmpty()) {
        problems.add(at + ".name", "is required");
        continue;
      }
      if (ROUTE_IDENTITY.contains(e.name())) {
        problems.add(at + ".name", e.name() + " is set by Tollgate to identify the route and cannot be overridden");
        continue;
      }
      if (!seen.add(e.name())) {
        problems.add(at + ".name", "duplicate name " + e.name());
        continue;
      }
      String type = e.type() == null ? "Value" : e.type();
      if (type.equals("Value")) {
        if (e.value() == null) {
          problems.add(at + ".value", "is required when type is Value");
        } else {
          out.put(e.name(), e.value());
        }
      } else if (type.equals("ValueRef")) {
        valueRef(policy, e.valueRef(), at + ".valueRef", problems).ifPresent(v -> out.put(e.name(), v));
      } else {
        problems.add(at + ".type", "must be Value or ValueRef");
      }
    }
    return out;
  }

  private Optional<String> valueRef(KubernetesObject policy, ExtAuthSpec.ValueRef ref, String at, PolicyProblems problems) {
    if (ref == null) {
      problems.add(at, "is required when type is ValueRef");
      return Optional.empty();
    }
    if (!"ConfigMap".equals(ref.kind()) || !(ref.group() == null || ref.group().isEmpty())) {
      problems.add(at + ".kind", "must be ConfigMap: context extensions are written into the generated configuration, "
          + "so values from a " + ref.kind() + " are not read");
      return Optional.empty();
    }
    Optional<ConfigMap> map = resources.configMap(policy.metadata().namespace(), ref.name());
    if (map.isEmpty()) {
      problems.add(at, "ConfigMap " + policy.metadata().namespace() + "/" + ref.name() + " "
          + resources.whyMissing(new ObjectKey("ConfigMap", policy.metadata().namespace(), ref.name())));
      return Optional.empty();
    }
    String value = map.get().data().get(ref.key());
    if (value == null) {
      problems.add(at + ".key", "ConfigMap " + policy.metadata().namespace() + "/" + ref.name() + " has no key " + ref.key());
    }
    return Optional.ofNullable(value);
  }
}
