package dev.tollgate.testing;

/** Manifests tests build on. */
public final class TestManifests {

  /**
   * A GatewayClass of Tollgate's, Gateway default/eg with one HTTP listener on port 80, and
   * Service default/backend on port 3000; ends with a document separator.
   */
  public static final String GATEWAY_AND_BACKEND = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: eg}
      spec: {controllerName: tollgate.dev/gatewayclass-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: eg, namespace: default}
      spec:
        gatewayClassName: eg
        listeners: [{name: http, protocol: HTTP, port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: backend, namespace: default}
      spec: {ports: [{port: 3000}]}
      ---
      """;

  private TestManifests() {}
}
