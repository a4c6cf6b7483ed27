package dev.tollgate.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.extension.proto.PostClusterModifyRequest;
import dev.tollgate.extension.proto.PostEndpointsModifyRequest;
import dev.tollgate.extension.proto.PostEndpointsModifyResponse;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoints hook through the gRPC client: every load assignment the Gateway serves is sent,
 * after the cluster hook; the answer is served when Envoy would accept it and it keeps its name;
 * otherwise failOpen decides, as for the other hooks.
 */
class EndpointsHookTest {

  private static final String MANIFESTS = ExtensionTranslation.GATEWAY_AND_APP + """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: app-1, namespace: default, labels: {kubernetes.io/service-name: app}}
      addressType: IPv4
      ports: [{port: 8080}]
      endpoints: [{addresses: [10.0.0.5]}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: app, namespace: default}
      spec:
        parentRefs: [{name: eg}]
        rules:
          - matches: [{path: {type: PathPrefix, value: /upstream}}]
            backendRefs: [{group: example.io, kind: Upstream, name: u}]
          - backendRefs: [{name: app, port: 8080}]
      ---
      apiVersion: example.io/v1
      kind: Upstream
      metadata: {name: u, namespace: default}
      spec: {}
      """;

  private static final String APP = "httproute/default/app/rule/1";

  private ExtensionServerFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExtensionServerFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void answer_isServed_andEveryLoadAssignmentIsSentAfterTheClusterHook() throws Exception {
    fixture.extension.endpoints = r -> PostEndpointsModifyResponse.newBuilder().setLoadAssignment(labelled(r.getLoadAssignment())).build();

    TranslationResult result = translate(fixture.settings(""));

    assertThat(result.problems()).isEmpty();
    ClusterLoadAssignment served = (ClusterLoadAssignment) result.gateways().get("default/eg").resource(XdsType.ENDPOINT, APP).orElseThrow();
    assertThat(served.getEndpoints(0).getLbEndpoints(0).getMetadata().getFilterMetadataOrThrow("example.io")
        .getFieldsOrThrow("cluster").getStringValue()).isEqualTo(APP);
    List<Object> requests = fixture.extension.requests;
    List<String> sent = requests.stream().filter(PostEndpointsModifyRequest.class::isInstance)
        .map(r -> ((PostEndpointsModifyRequest) r).getLoadAssignment().getClusterName()).toList();
    // rule 0's cluster goes to an extension backend: the cluster hook, first, answered it unchanged.
    assertThat(sent).containsExactlyInAnyOrder("httproute/default/app/rule/0", APP);
    assertThat(requests.indexOf(requests.stream().filter(PostClusterModifyRequest.class::isInstance).findFirst().orElseThrow()))
        .isLessThan(requests.indexOf(requests.stream().filter(PostEndpointsModifyRequest.class::isInstance).findFirst().orElseThrow()));
    assertThat(requests.stream().filter(PostEndpointsModifyRequest.class::isInstance).map(PostEndpointsModifyRequest.class::cast))
        .allMatch(PostEndpointsModifyRequest::hasPostEndpointsContext);
  }

  @Test
  void unsetAnswer_leavesTheLoadAssignmentAsItWas() throws Exception {
    TranslationResult plain = translate(fixture.settings("hooks: {xdsTranslator: {post: []}}"));
    TranslationResult unset = translate(fixture.settings(""));

    assertThat(unset.problems()).isEmpty();
    assertThat(unset.gateways().get("default/eg").resource(XdsType.ENDPOINT, APP))
        .isEqualTo(plain.gateways().get("default/eg").resource(XdsType.ENDPOINT, APP));
  }

  @Test
  void hookNotEnabled_isNotCalled() throws Exception {
    translate(fixture.settings("hooks: {xdsTranslator: {post: [Route, VirtualHost, HTTPListener, Cluster, Translation]}}"));

    assertThat(fixture.extension.requests).noneMatch(PostEndpointsModifyRequest.class::isInstance);
  }

  @Test
  void renamedAnswer_failClosed_gatewayIsWithheld() throws Exception {
    fixture.extension.endpoints = r -> PostEndpointsModifyResponse.newBuilder()
        .setLoadAssignment(r.getLoadAssignment().toBuilder().setClusterName(r.getLoadAssignment().getClusterName() + "-v2")).build();

    TranslationResult result = translate(fixture.settings(""));

    assertThat(result.gateways()).doesNotContainKey("default/eg");
    assertThat(result.problems()).extracting(Problem::message).singleElement().asString().isEqualTo(
        "extension hook PostEndpointsModify failed for load assignment httproute/default/app/rule/0: answer refused, as it renames"
            + " the load assignment to \"httproute/default/app/rule/0-v2\" (cluster_name must stay \"httproute/default/app/rule/0\","
            + " the EDS cluster's name for its endpoints); the Gateway's configuration was not updated");
  }

  @Test
  void renamedAnswer_failOpen_servesTheLoadAssignmentAsTollgateMadeIt() throws Exception {
    fixture.extension.endpoints = r -> PostEndpointsModifyResponse.newBuilder()
        .setLoadAssignment(labelled(r.getLoadAssignment()).toBuilder().setClusterName("elsewhere")).build();

    TranslationResult result = translate(fixture.settings("failOpen: true"));

    var gateway = result.gateways().get("default/eg");
    assertThat(gateway.resource(XdsType.ENDPOINT, "elsewhere")).isEmpty();
    ClusterLoadAssignment served = (ClusterLoadAssignment) gateway.resource(XdsType.ENDPOINT, APP).orElseThrow();
    assertThat(served.getEndpoints(0).getLbEndpoints(0).hasMetadata()).isFalse();
    assertThat(result.problems()).hasSize(2).allSatisfy(p -> {
      assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
      assertThat(p.message()).startsWith("extension hook PostEndpointsModify failed for load assignment ")
          .contains("renames the load assignment to \"elsewhere\"").endsWith("failOpen is set, so it is used unmodified");
    });
  }

  @Test
  void answerEnvoyWouldReject_failClosed_namesTheField_failOpen_keepsTheOriginal() throws Exception {
    // Envoy accepts priorities up to 128 only.
    fixture.extension.endpoints = r -> PostEndpointsModifyResponse.newBuilder().setLoadAssignment(r.getLoadAssignment().toBuilder()
        .setEndpoints(0, r.getLoadAssignment().getEndpoints(0).toBuilder().setPriority(200))).build();

    TranslationResult closed = translate(fixture.settings(""));

    assertThat(closed.gateways()).doesNotContainKey("default/eg");
    assertThat(closed.problems()).extracting(Problem::message).singleElement().asString()
        .startsWith("extension hook PostEndpointsModify failed for load assignment httproute/default/app/rule/0:"
            + " returned configuration Envoy would reject:")
        .contains("endpoints[0].priority");

    TranslationResult open = translate(fixture.settings("failOpen: true"));

    ClusterLoadAssignment served = (ClusterLoadAssignment) open.gateways().get("default/eg").resource(XdsType.ENDPOINT, APP).orElseThrow();
    assertThat(served.getEndpoints(0).getPriority()).isZero();
    assertThat(open.problems()).extracting(Problem::severity).containsOnly(Problem.Severity.WARNING).hasSize(2);
  }

  /** The load assignment with each endpoint labelled with its cluster, under {@code example.io}. */
  private static ClusterLoadAssignment labelled(ClusterLoadAssignment in) {
    ClusterLoadAssignment.Builder out = in.toBuilder();
    Metadata label = Metadata.newBuilder().putFilterMetadata("example.io",
        Struct.newBuilder().putFields("cluster", Value.newBuilder().setStringValue(in.getClusterName()).build()).build()).build();
    out.getEndpointsBuilderList().forEach(g -> g.getLbEndpointsBuilderList().forEach(e -> e.setMetadata(label)));
    return out.build();
  }

  private static TranslationResult translate(ExtensionSettings settings) throws Exception {
    return ExtensionTranslation.translate(settings, MANIFESTS);
  }
}
