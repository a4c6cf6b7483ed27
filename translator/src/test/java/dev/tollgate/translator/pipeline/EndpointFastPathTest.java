package dev.tollgate.translator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change of EndpointSlices alone gives new load assignments and nothing else: every listener,
 * route configuration and cluster is the previous run's very instance, so none is rebuilt,
 * re-encoded or sent again; the result is the one a new pipeline gives.
 */
class EndpointFastPathTest {

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
      kind: Gateway
      metadata: {name: other, namespace: default}
      spec:
        gatewayClassName: eg
        listeners: [{name: http, protocol: HTTP, port: 80}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: a, namespace: default}
      spec:
        parentRefs: [{name: eg}]
        rules: [{backendRefs: [{name: a, port: 80}]}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: b, namespace: default}
      spec:
        parentRefs: [{name: eg}, {name: other}]
        hostnames: [b.example.com]
        rules: [{backendRefs: [{name: b, port: 80}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: a, namespace: default}
      spec: {ports: [{name: http, port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: b, namespace: default}
      spec: {ports: [{name: http, port: 80}]}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: a-1, namespace: default, labels: {kubernetes.io/service-name: a}}
      addressType: IPv4
      ports: [{name: http, port: 8080}]
      endpoints: [{addresses: [10.0.0.1]}, {addresses: [10.0.0.2]}]
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: b-1, namespace: default, labels: {kubernetes.io/service-name: b}}
      addressType: IPv4
      ports: [{name: http, port: 8080}]
      endpoints: [{addresses: [10.0.1.1]}]
      """;

  private final TranslatorConfig config = TranslatorConfig.offline();
  private final Pipeline pipeline = new Pipeline(config);

  @Test
  void anAddressMoves_onlyTheLoadAssignmentsOfItsService_change() throws Exception {
    TranslationResult before = run(pipeline, INPUT);
    TranslationResult after = run(pipeline, INPUT.replace("10.0.0.2", "10.0.0.3"));

    GatewayXds was = before.gateways().get("default/eg");
    GatewayXds now = after.gateways().get("default/eg");
    for (XdsType type : List.of(XdsType.LISTENER, XdsType.ROUTE, XdsType.CLUSTER, XdsType.SECRET)) {
      assertSameInstances(was, now, type);
    }
    assertThat(now.encoded(XdsType.ENDPOINT, "httproute/default/a/rule/0")).isNotEqualTo(was.encoded(XdsType.ENDPOINT, "httproute/default/a/rule/0"));
    assertThat(now.encoded(XdsType.ENDPOINT, "httproute/default/a/rule/0").toStringUtf8()).contains("10.0.0.3");
    assertThat(now.encoded(XdsType.ENDPOINT, "httproute/default/b/rule/0")).isSameAs(was.encoded(XdsType.ENDPOINT, "httproute/default/b/rule/0"));
    assertThat(after.gateways().get("default/other")).as("a Gateway that does not use the Service").isSameAs(before.gateways().get("default/other"));
    assertThat(after.regenerated()).containsExactly("default/eg");
    assertSameAsNewPipeline(after, INPUT.replace("10.0.0.2", "10.0.0.3"));
  }

  @Test
  void endpointsComeAndGo_andARouteChangesAfterwards_everyResultIsTheFullOne() throws Exception {
    List<String> inputs = List.of(
        INPUT,
        INPUT.replace("endpoints: [{addresses: [10.0.1.1]}]", "endpoints: []"),
        INPUT.replace("endpoints: [{addresses: [10.0.1.1]}]", "endpoints: [{addresses: [10.0.1.1], conditions: {ready: false}}]"),
        INPUT.replace("endpoints: [{addresses: [10.0.1.1]}]", "endpoints: [{addresses: [10.0.1.1], conditions: {ready: false}}]")
            .replace("hostnames: [b.example.com]", "hostnames: [c.example.com]"),
        INPUT.replace("endpoints: [{addresses: [10.0.0.1]}, {addresses: [10.0.0.2]}]", "endpoints: [{addresses: [10.0.0.9]}]"),
        INPUT);
    for (String input : inputs) {
      assertSameAsNewPipeline(run(pipeline, input), input);
    }
  }

  @Test
  void theAuthorizationServiceMoves_everyGatewayItGuards_getsItsNewAddress() throws Exception {
    String guarded = INPUT + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: opa, namespace: default}
        spec: {ports: [{name: grpc, port: 9191}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: opa-1, namespace: default, labels: {kubernetes.io/service-name: opa}}
        addressType: IPv4
        ports: [{name: grpc, port: 9191}]
        endpoints: [{addresses: [10.0.9.1]}]
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: authz, namespace: default}
        spec:
          targetRefs:
            - {group: gateway.networking.k8s.io, kind: Gateway, name: eg}
            - {group: gateway.networking.k8s.io, kind: Gateway, name: other}
          extAuth:
            grpc:
              backendRefs: [{name: opa, port: 9191}]
        """;
    TranslationResult before = run(pipeline, guarded);
    String moved = guarded.replace("10.0.9.1", "10.0.9.2");
    TranslationResult after = run(pipeline, moved);

    assertThat(after.regenerated()).containsExactly("default/eg", "default/other");
    for (String gateway : List.of("default/eg", "default/other")) {
      assertSameInstances(before.gateways().get(gateway), after.gateways().get(gateway), XdsType.LISTENER);
      assertSameInstances(before.gateways().get(gateway), after.gateways().get(gateway), XdsType.ROUTE);
    }
    assertSameAsNewPipeline(after, moved);
  }

  @Test
  void aChangedResourceEnvoyWouldRefuse_isFound_withoutCheckingTheRestAgain() throws Exception {
    GatewayXds valid = run(pipeline, INPUT).gateways().get("default/eg");
    XdsValidator validator = new XdsValidator();
    var assignment = (ClusterLoadAssignment) valid.resource(XdsType.ENDPOINT, "httproute/default/b/rule/0").orElseThrow();
    GatewayXds refused = valid.toBuilder().put(XdsType.ENDPOINT, assignment.toBuilder()
        .setEndpoints(0, assignment.getEndpoints(0).toBuilder().setLoadBalancingWeight(UInt32Value.of(0))).build()).build();

    assertThat(validator.revalidate(valid, refused)).singleElement()
        .satisfies(v -> assertThat(v.toString()).contains("cluster load assignment httproute/default/b/rule/0")
            .contains("endpoints[0].load_balancing_weight"));
    assertThat(validator.revalidate(valid, refused)).isEqualTo(validator.validate(refused));
    assertThat(validator.revalidate(valid, valid.toBuilder().build())).isEmpty();
    GatewayXds otherNames = valid.toBuilder().remove(XdsType.ROUTE, "default/eg/http").build();
    assertThat(validator.revalidate(valid, otherNames)).as("a resource removed").isNull();
  }

  private void assertSameAsNewPipeline(TranslationResult incremental, String input) throws Exception {
    TranslationResult full = run(new Pipeline(config), input);
    assertThat(document(incremental)).isEqualTo(document(full));
    assertThat(incremental.ir()).isEqualTo(full.ir());
    for (String gateway : full.gateways().keySet()) {
      for (XdsType type : XdsType.values()) {
        assertThat(incremental.gateways().get(gateway).encodings(type)).as("%s %s", gateway, type)
            .isEqualTo(full.gateways().get(gateway).encodings(type));
      }
    }
  }

  private static void assertSameInstances(GatewayXds was, GatewayXds now, XdsType type) {
    assertThat(now.resources(type)).hasSameSizeAs(was.resources(type));
    for (int i = 0; i < was.resources(type).size(); i++) {
      assertThat(now.resources(type).get(i)).as("%s %d", type, i).isSameAs(was.resources(type).get(i));
      assertThat(now.encodings(type).get(i)).as("%s %d", type, i).isSameAs(was.encodings(type).get(i));
    }
  }

  private static TranslationResult run(Pipeline pipeline, String yaml) throws Exception {
    ManifestReader reader = new ManifestReader().readString("input.yaml", yaml);
    return pipeline.run(reader.resources(), reader.problems());
  }

  private static String document(TranslationResult result) {
    return TranslationDocument.toYaml(TranslationDocument.build(result, TranslationDocument.Secrets.SHOWN));
  }
}
