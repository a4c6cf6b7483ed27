package dev.tollgate.translator.gateway.backend;

import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.DestinationIr.Protocol;
import dev.tollgate.translator.ir.EndpointIr;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.envoygateway.BackendSpec;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.status.BackendStatus;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.status.Conditions;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Envoy Gateway's Backend objects, each read and checked once: the endpoints it stands for, or
 * why it cannot be used. Every Backend gets an Accepted condition.
 *
 * <p>Stricter than Envoy Gateway where a Backend could reach what it should not: loopback,
 * unspecified and link-local addresses (the proxy's own admin port, cloud metadata services) and
 * {@code localhost} are refused, and a Backend asking for TLS is refused rather than reached in
 * plain text.
 */
public final class BackendObjects {

  static final String KIND = "Backend";
  private static final String H2C = "gateway.envoyproxy.io/h2c";
  private static final String WS = "gateway.envoyproxy.io/ws";

  /** A usable Backend. {@code unix} says whether any endpoint is a unix domain socket. */
  public record Parsed(List<EndpointIr> endpoints, Protocol protocol, boolean unix) {}

  private final Map<ObjectKey, Parsed> usable = new HashMap<>();
  private final Map<ObjectKey, String> problems = new HashMap<>();
  private final boolean enabled;

  public BackendObjects(ResourceSet resources, TranslatorConfig config, List<ObjectStatus> statuses) {
    this.enabled = config.backendsEnabled();
    for (EnvoyGatewayPolicy backend : resources.all(KIND, EnvoyGatewayPolicy.class)) {
      String problem = enabled ? read(backend) : "Backends are disabled in Tollgate's configuration (enableBackend)";
      Conditions conditions = new Conditions(backend.metadata().generation(), config.transitionTime());
      if (problem == null) {
        conditions.set(ACCEPTED, true, Reason.ACCEPTED, "Backend is accepted");
      } else {
        problems.put(backend.key(), problem);
        conditions.set(ACCEPTED, false, Reason.INVALID, problem);
      }
      statuses.add(new ObjectStatus(backend.apiVersion(), backend.kind(), backend.metadata().namespace(),
          backend.metadata().name(), new BackendStatus(conditions.list())));
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /** The Backend's endpoints, or null when it does not exist or is invalid (see {@link #problem}). */
  public Parsed get(ObjectKey key) {
    return usable.get(key);
  }

  /** Why an existing Backend cannot be used, or null. */
  public String problem(ObjectKey key) {
    return problems.get(key);
  }

  private String read(EnvoyGatewayPolicy backend) {
    Binder.Result<BackendSpec> bound = Binder.bind(backend.spec(), BackendSpec.class);
    if (!bound.ok()) {
      return bound.errorUnder("spec");
    }
    if (!bound.unknownFields().isEmpty()) {
      return bound.unknownFieldsUnder("spec").get(0) + ": unknown field";
    }
    BackendSpec spec = bound.value();
    if (spec.type() != null && !spec.type().equals("Endpoints")) {
      return "spec.type: " + spec.type() + " is not supported (only Endpoints)";
    }
    if (spec.tls() != null) {
      return "spec.tls: TLS to a Backend is not supported; the Backend is refused rather than reached without TLS";
    }
    if (Boolean.TRUE.equals(spec.fallback())) {
      return "spec.fallback: is not supported";
    }
    Protocol protocol = Protocol.HTTP1;
    for (String p : spec.appProtocols()) {
      if (p.equals(H2C)) {
        protocol = Protocol.HTTP2;
      } else if (!p.equals(WS)) {
        return "spec.appProtocols: " + p + " is not supported";
      }
    }
    if (spec.endpoints().isEmpty()) {
      return "spec.endpoints: must have at least 1 item";
    }
    List<EndpointIr> endpoints = new ArrayList<>();
    boolean unix = false;
    for (int i = 0; i < spec.endpoints().size(); i++) {
      String at = "spec.endpoints[" + i + "]";
      BackendSpec.Endpoint e = spec.endpoints().get(i);
      int kinds = (e.ip() != null ? 1 : 0) + (e.fqdn() != null ? 1 : 0) + (e.unix() != null ? 1 : 0);
      if (kinds != 1) {
        return at + ": exactly one of ip, fqdn and unix must be set";
      }
      String problem = BackendEndpoints.problem(e);
      if (problem != null) {
        return at + "." + problem;
      }
      endpoints.add(BackendEndpoints.toIr(e));
      unix |= e.unix() != null;
    }
    boolean dns = endpoints.stream().anyMatch(e -> e.type() == EndpointIr.Type.FQDN);
    if (dns && unix) {
      return "spec.endpoints: unix domain sockets and DNS names cannot be mixed in one Backend";
    }
    usable.put(new ObjectKey(KIND, backend.metadata().namespace(), backend.metadata().name()),
        new Parsed(endpoints, protocol, unix));
    return null;
  }
}
