package dev.tollgate.translator.input;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.core.ConfigMap;
import dev.tollgate.translator.model.core.EndpointSlice;
import dev.tollgate.translator.model.core.Namespace;
import dev.tollgate.translator.model.core.Secret;
import dev.tollgate.translator.model.core.Service;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.model.gatewayapi.ReferenceGrant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The kinds Tollgate reads, in one list. Anything else is reported once and ignored. */
public final class Kinds {

  public static final String GATEWAY_API_GROUP = "gateway.networking.k8s.io";
  public static final String ENVOY_GATEWAY_GROUP = "gateway.envoyproxy.io";

  private static final Set<String> GATEWAY_API = Set.of("v1", "v1beta1");
  private static final Set<String> V1 = Set.of("v1");
  private static final Set<String> V1ALPHA1 = Set.of("v1alpha1");

  public static final List<Kind> ALL =
      List.of(
          new Kind(GATEWAY_API_GROUP, "GatewayClass", GATEWAY_API, GatewayClass.class, false, true),
          new Kind(GATEWAY_API_GROUP, "Gateway", GATEWAY_API, Gateway.class, true, true),
          new Kind(GATEWAY_API_GROUP, "HTTPRoute", GATEWAY_API, HttpRoute.class, true, true),
          new Kind(GATEWAY_API_GROUP, "GRPCRoute", V1, GrpcRoute.class, true, true),
          new Kind(GATEWAY_API_GROUP, "ReferenceGrant", GATEWAY_API, ReferenceGrant.class, true, true),
          new Kind("", "Service", V1, Service.class, true, false),
          new Kind("discovery.k8s.io", "EndpointSlice", V1, EndpointSlice.class, true, false),
          new Kind("", "Secret", V1, Secret.class, true, false),
          new Kind("", "ConfigMap", V1, ConfigMap.class, true, false),
          new Kind("", "Namespace", V1, Namespace.class, false, false),
          new Kind(ENVOY_GATEWAY_GROUP, "SecurityPolicy", V1ALPHA1, EnvoyGatewayPolicy.class, true, true),
          new Kind(ENVOY_GATEWAY_GROUP, "Backend", V1ALPHA1, EnvoyGatewayPolicy.class, true, true),
          new Kind(ENVOY_GATEWAY_GROUP, "EnvoyProxy", V1ALPHA1, EnvoyGatewayPolicy.class, true, true),
          new Kind(ENVOY_GATEWAY_GROUP, "EnvoyPatchPolicy", V1ALPHA1, EnvoyGatewayPolicy.class, true, true),
          new Kind(
              ENVOY_GATEWAY_GROUP, "EnvoyExtensionPolicy", V1ALPHA1, EnvoyGatewayPolicy.class, true, true));

  private Kinds() {}

  /** The kind for a group and kind name, whatever the version. */
  public static Optional<Kind> find(String group, String kind) {
    return ALL.stream().filter(k -> k.group().equals(group) && k.kind().equals(kind)).findFirst();
  }

  public static Optional<Kind> forType(Class<? extends KubernetesObject> type, String kind) {
    return ALL.stream().filter(k -> k.type() == type && k.kind().equals(kind)).findFirst();
  }
}
