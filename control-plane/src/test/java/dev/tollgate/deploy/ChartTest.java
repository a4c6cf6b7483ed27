package dev.tollgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.LintResult;
import dev.tollgate.translator.TranslatorConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The chart, linted and rendered by Helm itself. */
class ChartTest {

  private static JsonNode env(ObjectNode deployment, String name) {
    for (JsonNode e : deployment.at("/spec/template/spec/containers/0/env")) {
      if (name.equals(e.path("name").asText())) {
        return e;
      }
    }
    return null;
  }

  private static List<String> resources(ObjectNode role) {
    return StreamSupport.stream(role.path("rules").spliterator(), false)
        .flatMap(r -> StreamSupport.stream(r.path("resources").spliterator(), false)).map(JsonNode::asText).toList();
  }

  @Test
  void helmLint_passes_strict() {
    LintResult result = TollgateChart.helm().lint().strict().call();
    assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
  }

  @Test
  void defaults_twoReplicasWithProbesOnTheAdminPort_restrictedSecurityContext_andTheSettingsTollgateReads() {
    List<ObjectNode> docs = TollgateChart.documents(TollgateChart.template(Map.of()));
    ObjectNode deployment = TollgateChart.ofKind(docs, "Deployment").get(0);
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/readiness");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("admin");
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(deployment.at("/spec/template/spec/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(env(deployment, "POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
    assertThat(env(deployment, "TOLLGATE_XDS_ADDRESS").path("value").asText()).isEqualTo("0.0.0.0:18000");
    assertThat(env(deployment, "TOLLGATE_PROXY_AUTH").path("value").asText()).isEqualTo("kubernetes-token");
    assertThat(env(deployment, "TOLLGATE_LEAST_PRIVILEGE").path("value").asText()).isEqualTo("false");

    ObjectNode service = TollgateChart.ofKind(docs, "Service").get(0);
    assertThat(service.at("/metadata/name").asText() + "." + service.at("/metadata/namespace").asText() + ".svc:"
        + service.at("/spec/ports/0/port").asText()).as("the address proxies are given by default").isEqualTo("tollgate.tollgate-system.svc:18000");
    assertThat(env(deployment, "TOLLGATE_INFRASTRUCTURE_XDS_ADDRESS").path("value").asText())
        .as("the proxies Tollgate creates are given that Service").isEqualTo("tollgate.tollgate-system.svc:18000");
    assertThat(env(deployment, "TOLLGATE_INFRASTRUCTURE_ENVOY_IMAGE")).as("Tollgate's own default image").isNull();
    assertThat(env(deployment, "TOLLGATE_INFRASTRUCTURE_XDS_CA_CONFIG_MAP")).as("plaintext xDS").isNull();
    ObjectNode gatewayClass = TollgateChart.ofKind(docs, "GatewayClass").get(0);
    assertThat(gatewayClass.at("/spec/controllerName").asText()).isEqualTo(TranslatorConfig.DEFAULT_CONTROLLER_NAME);
  }

  @Test
  void proxiesInAnotherNamespace_reachThisReleasesService_withTheImageAndXdsCaGiven() {
    List<ObjectNode> docs = TollgateChart.documents(TollgateChart.template(Map.of(
        "infrastructure.namespace", "proxies", "xds.port", 18443,
        "infrastructure.envoyImage", "registry.example/envoy:v1.36.2", "infrastructure.xdsCaConfigMap", "tollgate-xds-ca")));
    ObjectNode deployment = TollgateChart.ofKind(docs, "Deployment").get(0);
    assertThat(env(deployment, "TOLLGATE_INFRASTRUCTURE_NAMESPACE").path("value").asText()).isEqualTo("proxies");
    assertThat(env(deployment, "TOLLGATE_INFRASTRUCTURE_XDS_ADDRESS").path("value").asText()).isEqualTo("tollgate.tollgate-system.svc:18443");
    assertThat(env(deployment, "TOLLGATE_XDS_ADDRESS").path("value").asText()).isEqualTo("0.0.0.0:18443");
    assertThat(env(deployment, "TOLLGATE_INFRASTRUCTURE_ENVOY_IMAGE").path("value").asText()).isEqualTo("registry.example/envoy:v1.36.2");
    assertThat(env(deployment, "TOLLGATE_INFRASTRUCTURE_XDS_CA_CONFIG_MAP").path("value").asText()).isEqualTo("tollgate-xds-ca");
  }

  @Test
  void leastPrivilege_takesSecretsAndConfigMapsOutOfTheClusterRole_intoRolesWhereReferencesPoint() {
    List<ObjectNode> docs = TollgateChart.documents(TollgateChart.template(Map.of(
        "leastPrivilege.enabled", true, "leastPrivilege.referencedNamespaces[0]", "default")));
    ObjectNode clusterRole = TollgateChart.ofKind(docs, "ClusterRole").get(0);
    assertThat(resources(clusterRole)).doesNotContain("secrets", "configmaps");
    ObjectNode referenced = TollgateChart.ofKind(docs, "Role").stream()
        .filter(r -> r.at("/metadata/name").asText().endsWith("-referenced")).findFirst().orElseThrow();
    assertThat(referenced.at("/metadata/namespace").asText()).isEqualTo("default");
    assertThat(resources(referenced)).containsExactly("secrets", "configmaps");
    assertThat(env(TollgateChart.ofKind(docs, "Deployment").get(0), "TOLLGATE_LEAST_PRIVILEGE").path("value").asText()).isEqualTo("true");
  }

  @Test
  void watchedNamespaces_getRolesOfTheirOwn_andTheClusterRoleKeepsOnlyClusterWideKinds() {
    List<ObjectNode> docs = TollgateChart.documents(TollgateChart.template(Map.of("watchNamespaces[0]", "default", "watchNamespaces[1]", "shop")));
    assertThat(resources(TollgateChart.ofKind(docs, "ClusterRole").get(0))).doesNotContain("gateways", "services", "secrets");
    assertThat(TollgateChart.ofKind(docs, "Role").stream().filter(r -> resources(r).contains("httproutes"))
        .map(r -> r.at("/metadata/namespace").asText())).containsExactly("default", "shop");
    assertThat(env(TollgateChart.ofKind(docs, "Deployment").get(0), "TOLLGATE_NAMESPACES").path("value").asText()).isEqualTo("default,shop");
  }

  @Test
  void clientCertificateAuthentication_withoutMutualTls_isRefusedWithTheValuesToSet() {
    assertThatThrownBy(() -> TollgateChart.template(Map.of("proxyAuth.mode", "client-certificate")))
        .hasMessageContaining("xds.tls.secretName");
  }
}
