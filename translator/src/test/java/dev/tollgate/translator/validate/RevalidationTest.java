package dev.tollgate.translator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import org.junit.jupiter.api.Test;

/** Checking only what changed finds what checking everything finds. */
class RevalidationTest {

  private static final String INPUT = """
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
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: a, namespace: default}
      spec:
        parentRefs: [{name: eg}]
        hostnames: [a.example.com]
        rules: [{backendRefs: [{name: a, port: 80}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: a, namespace: default}
      spec: {ports: [{name: http, port: 80}]}
      """;

  private final XdsValidator validator = new XdsValidator();

  @Test
  void aRouteNamingAClusterThatDoesNotExist_isFound() throws Exception {
    GatewayXds valid = translate();
    RouteConfiguration rc = (RouteConfiguration) valid.resources(XdsType.ROUTE).get(0);
    var route = rc.getVirtualHosts(0).getRoutes(0);
    GatewayXds broken = valid.toBuilder().put(XdsType.ROUTE, rc.toBuilder().setVirtualHosts(0, rc.getVirtualHosts(0).toBuilder()
        .setRoutes(0, route.toBuilder().setRoute(route.getRoute().toBuilder().setCluster("nowhere")))).build()).build();

    assertThat(validator.revalidate(valid, broken)).isNotEmpty().isEqualTo(validator.validate(broken))
        .anySatisfy(v -> assertThat(v.toString()).contains("cluster \"nowhere\" does not exist"));
  }

  @Test
  void twoVirtualHostsServingOneDomain_areFound_byTheChecksAcrossResources() throws Exception {
    GatewayXds valid = translate();
    RouteConfiguration rc = (RouteConfiguration) valid.resources(XdsType.ROUTE).get(0);
    GatewayXds broken = valid.toBuilder().put(XdsType.ROUTE, rc.toBuilder()
        .addVirtualHosts(rc.getVirtualHosts(0).toBuilder().setName("copy")).build()).build();

    assertThat(validator.revalidate(valid, broken)).isNotEmpty().isEqualTo(validator.validate(broken));
  }

  @Test
  void nothingChanged_nothingIsFound_andOtherNamesMeanEverythingIsChecked() throws Exception {
    GatewayXds valid = translate();
    assertThat(validator.revalidate(valid, valid.toBuilder().build())).isEmpty();
    GatewayXds renamed = valid.toBuilder().remove(XdsType.CLUSTER, "httproute/default/a/rule/0").build();
    assertThat(validator.revalidate(valid, renamed)).isNull();
  }

  private static GatewayXds translate() throws Exception {
    ManifestReader reader = new ManifestReader().readString("input.yaml", INPUT);
    GatewayXds xds = new Pipeline(TranslatorConfig.offline()).run(reader.resources(), reader.problems()).gateways().get("default/eg");
    assertThat(new XdsValidator().validate(xds)).isEmpty();
    return xds;
  }
}
