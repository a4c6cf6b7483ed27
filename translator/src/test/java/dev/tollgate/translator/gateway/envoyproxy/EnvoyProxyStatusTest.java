package dev.tollgate.translator.gateway.envoyproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.GatewayStage;
import dev.tollgate.translator.gateway.GatewayStageResult;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.input.Source;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.envoygateway.EnvoyGatewayPolicy;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.model.gatewayapi.GatewayClass;
import dev.tollgate.translator.status.Condition;
import dev.tollgate.translator.status.EnvoyProxyStatus;
import dev.tollgate.translator.status.GatewayClassStatus;
import dev.tollgate.translator.status.GatewayStatus;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * EnvoyProxy statuses from objects handed to the gateway stage directly, as a provider without
 * admission in front would hand them: a spec-less EnvoyProxy must still be the defaults.
 */
class EnvoyProxyStatusTest {

  private static final String CLASS = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: %s}
      spec:
        controllerName: tollgate.dev/gatewayclass-controller
        parametersRef: {group: gateway.envoyproxy.io, kind: EnvoyProxy, name: %s, namespace: default}
      """;
  private static final String GATEWAY = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: %s, namespace: default}
      spec:
        gatewayClassName: %s
        infrastructure:
          parametersRef: {group: gateway.envoyproxy.io, kind: EnvoyProxy, name: %s}
        listeners: [{name: http, protocol: HTTP, port: 80}]
      """;
  private static final String PROXY = """
      apiVersion: gateway.envoyproxy.io/v1alpha1
      kind: EnvoyProxy
      metadata: {name: %s, namespace: default}
      """;

  private static GatewayStageResult run(KubernetesObject... objects) {
    ResourceSet.Builder builder = ResourceSet.builder();
    for (int i = 0; i < objects.length; i++) {
      builder.add(objects[i], new Source("test.yaml", i));
    }
    return new GatewayStage(TranslatorConfig.offline()).run(builder.build());
  }

  private static <T> T read(String yaml, Class<T> type) {
    try {
      return Mappers.yaml().readValue(yaml, type);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static GatewayClass gatewayClass(String name, String proxy) {
    return read(CLASS.formatted(name, proxy), GatewayClass.class);
  }

  private static Gateway gateway(String name, String className, String proxy) {
    return read(GATEWAY.formatted(name, className, proxy), Gateway.class);
  }

  private static EnvoyGatewayPolicy proxy(String name, String spec) {
    return read(PROXY.formatted(name) + spec, EnvoyGatewayPolicy.class);
  }

  private static Optional<ObjectStatus> status(GatewayStageResult result, String kind, String name) {
    return result.statuses().stream().filter(s -> s.kind().equals(kind) && s.name().equals(name)).findFirst();
  }

  private static Condition accepted(List<Condition> conditions) {
    return conditions.stream().filter(c -> c.type().equals("Accepted")).findFirst().orElseThrow();
  }

  @Test
  void proxyWithoutSpec_isTheDefaults_andAccepted() {
    GatewayStageResult result = run(gatewayClass("eg", "plain"), gateway("eg", "eg", "bare"),
        proxy("plain", "spec: {}"), proxy("bare", ""));

    EnvoyProxyStatus bare = (EnvoyProxyStatus) status(result, "EnvoyProxy", "bare").orElseThrow().status();
    assertThat(bare.ancestors()).singleElement().satisfies(a -> {
      assertThat(a.ancestorRef().kind()).isEqualTo("Gateway");
      assertThat(a.ancestorRef().namespace()).isEqualTo("default");
      assertThat(a.ancestorRef().name()).isEqualTo("eg");
      assertThat(accepted(a.conditions()).status()).isEqualTo("True");
      assertThat(accepted(a.conditions()).message()).isEqualTo("EnvoyProxy is accepted");
    });
    GatewayStatus gateway = (GatewayStatus) status(result, "Gateway", "eg").orElseThrow().status();
    assertThat(accepted(gateway.conditions()).status()).isEqualTo("True");
    assertThat(result.ir().gateways()).hasSize(1);
  }

  @Test
  void proxyWithNullSpec_isTheDefaults() {
    GatewayStageResult result = run(gatewayClass("eg", "nothing"), proxy("nothing", "spec: null"));

    EnvoyProxyStatus status = (EnvoyProxyStatus) status(result, "EnvoyProxy", "nothing").orElseThrow().status();
    assertThat(accepted(status.ancestors().get(0).conditions()).reason()).isEqualTo("Accepted");
  }

  @Test
  void ancestors_sortedByKindNamespaceName_whateverTheOrderTheyAreMet() {
    GatewayStageResult result = run(gatewayClass("zeta", "shared"), gatewayClass("alpha", "shared"),
        gateway("b", "zeta", "shared"), gateway("a", "alpha", "shared"), proxy("shared", "spec: {}"));

    EnvoyProxyStatus status = (EnvoyProxyStatus) status(result, "EnvoyProxy", "shared").orElseThrow().status();
    assertThat(status.ancestors()).extracting(a -> a.ancestorRef().kind() + " " + a.ancestorRef().name())
        .containsExactly("Gateway a", "Gateway b", "GatewayClass alpha", "GatewayClass zeta");
    assertThat(status.ancestors().get(2).ancestorRef().namespace()).isNull();
  }

  @Test
  void unreferencedProxy_hasNoStatus() {
    GatewayStageResult result = run(gatewayClass("eg", "used"), proxy("used", "spec: {}"), proxy("unused", "spec: {}"));

    assertThat(status(result, "EnvoyProxy", "used")).isPresent();
    assertThat(status(result, "EnvoyProxy", "unused")).isEmpty();
  }

  @Test
  void telemetry_acceptedButNamedAsIgnored_inStatusAndNotices() {
    GatewayStageResult result = run(gatewayClass("eg", "observed"), proxy("observed", """
        spec:
          telemetry:
            tracing:
              provider: {type: Zipkin, host: zipkin.example.com, port: 9411}
            metrics:
              prometheus: {disable: true}
        """));

    EnvoyProxyStatus status = (EnvoyProxyStatus) status(result, "EnvoyProxy", "observed").orElseThrow().status();
    Condition accepted = accepted(status.ancestors().get(0).conditions());
    assertThat(accepted.status()).isEqualTo("True");
    assertThat(accepted.message()).contains("not implemented", "spec.telemetry.metrics, spec.telemetry.tracing");
    assertThat(result.notices()).containsExactly(
        "EnvoyProxy default/observed: spec.telemetry.metrics: not implemented by Tollgate; ignored",
        "EnvoyProxy default/observed: spec.telemetry.tracing: not implemented by Tollgate; ignored");
  }

  @Test
  void telemetryCollectorMissing_proxyRefused_andItsClassInvalidParameters() {
    GatewayStageResult result = run(gatewayClass("eg", "observed"), proxy("observed", """
        spec:
          telemetry:
            tracing:
              provider:
                type: OpenTelemetry
                backendRefs: [{name: collector, port: 4317}]
        """));

    EnvoyProxyStatus status = (EnvoyProxyStatus) status(result, "EnvoyProxy", "observed").orElseThrow().status();
    Condition accepted = accepted(status.ancestors().get(0).conditions());
    assertThat(accepted.status()).isEqualTo("False");
    assertThat(accepted.reason()).isEqualTo("InvalidParameters");
    assertThat(accepted.message()).isEqualTo("spec.telemetry.tracing.provider.backendRefs[0]: Service default/collector does not exist");
    ObjectStatus gatewayClass = status(result, "GatewayClass", "eg").orElseThrow();
    Condition classAccepted = accepted(((GatewayClassStatus) gatewayClass.status()).conditions());
    assertThat(classAccepted.reason()).isEqualTo("InvalidParameters");
    assertThat(classAccepted.message()).contains("EnvoyProxy default/observed: spec.telemetry.tracing.provider.backendRefs[0]");
  }
}
