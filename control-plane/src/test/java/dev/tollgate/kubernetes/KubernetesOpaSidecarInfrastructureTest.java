package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.infra.ProxyNames;
import dev.tollgate.kubernetes.infra.ApplyingCrudDispatcher;
import dev.tollgate.testing.Golden;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Envoy Gateway's OPA-sidecar walkthrough (deploy/examples/opa-sidecar) created through the API,
 * served by the real renderer: the Gateway gets a Deployment with Envoy and the OPA sidecar and a
 * Service on port 80; a new OPA image in the EnvoyProxy rolls the Deployment; the Gateway's
 * addresses come from the Service; deleting the Gateway deletes its objects.
 */
class KubernetesOpaSidecarInfrastructureTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String NAMESPACE = "envoy-gateway-system";
  private static final String OPA_IMAGE = "openpolicyagent/opa:1.10.1-envoy-5-static";
  private static final String NEW_OPA_IMAGE = "openpolicyagent/opa:1.11.0-envoy-5-static";

  @Test
  void walkthrough_getsItsProxies_rolledByTheEnvoyProxy_addressedFromItsService_andRemovedWithTheGateway() throws Exception {
    Path example = Golden.testdata().resolveSibling("deploy").resolve("examples/opa-sidecar");
    String manifests = Files.readString(example.resolve("00-quickstart.yaml")) + "\n---\n" + Files.readString(example.resolve("10-opa.yaml"));
    try (CrdMockCluster cluster = new CrdMockCluster(new ApplyingCrudDispatcher())) {
      cluster.create(manifests);
      var client = cluster.client();
      var deployments = client.apps().deployments().inNamespace(NAMESPACE);
      var services = client.services().inNamespace(NAMESPACE);
      String name = ProxyNames.forGateway("default", "eg");
      try (KubernetesServe serve = KubernetesServe.against(cluster.url(), Map.of("tollgate.infrastructure.reconcile", true, "tollgate.infrastructure.namespace", NAMESPACE,
          "tollgate.leader-election.namespace", NAMESPACE, "tollgate.proxy-auth-namespaces", NAMESPACE))) {
        assertThat(eventually(WAIT, () -> deployments.withName(name).get() != null)).as("the Deployment").isTrue();
        Deployment deployment = deployments.withName(name).get();
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("envoy", "opa");
        assertThat(container(deployment, "envoy").getVolumeMounts()).anySatisfy(m -> {
          assertThat(m.getName()).isEqualTo("opa-unix-socket");
          assertThat(m.getMountPath()).isEqualTo("/shared/opa");
        });
        assertThat(container(deployment, "opa").getImage()).isEqualTo(OPA_IMAGE);
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getConfigMap() == null ? null : v.getConfigMap().getName())
            .isEqualTo("opa-policy"));
        assertThat(pod.getServiceAccountName()).isEqualTo(name);
        assertThat(eventually(WAIT, () -> services.withName(name).get() != null)).as("the Service").isTrue();
        assertThat(services.withName(name).get().getSpec().getPorts()).singleElement()
            .satisfies(p -> assertThat(p.getPort()).isEqualTo(80));
        assertThat(client.serviceAccounts().inNamespace(NAMESPACE).withName(name).get()).isNotNull();
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName(name).get().getData()).containsKey("envoy.json");

        // A new OPA image in the EnvoyProxy's patch: the pod template changes, which rolls the pods.
        var proxies = client.genericKubernetesResources("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy").inNamespace(NAMESPACE);
        var proxy = proxies.withName("eg").get();
        String edited = client.getKubernetesSerialization().asJson(proxy).replace(OPA_IMAGE, NEW_OPA_IMAGE);
        proxies.resource(client.getKubernetesSerialization().unmarshal(edited,
            io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)).update();
        assertThat(eventually(WAIT, () -> NEW_OPA_IMAGE.equals(container(deployments.withName(name).get(), "opa").getImage())))
            .as("the Deployment's OPA image").isTrue();

        Service service = services.withName(name).get();
        service.setStatus(new ServiceStatusBuilder().withNewLoadBalancer()
            .withIngress(new LoadBalancerIngressBuilder().withIp("203.0.113.9").build()).endLoadBalancer().build());
        services.resource(service).updateStatus();
        var gateways = client.genericKubernetesResources("gateway.networking.k8s.io/v1", "Gateway").inNamespace("default");
        assertThat(eventually(WAIT, () -> List.of(Map.of("type", "IPAddress", "value", "203.0.113.9"))
            .equals(((Map<?, ?>) gateways.withName("eg").get().getAdditionalProperties().get("status")).get("addresses"))))
            .as("the Gateway's status.addresses").isTrue();

        // A patch that cannot be applied: the Gateway says so in its status, and its proxies keep running.
        proxy = proxies.withName("eg").get();
        String broken = client.getKubernetesSerialization().asJson(proxy).replace("\"name\":\"opa\",", "");
        proxies.resource(client.getKubernetesSerialization().unmarshal(broken,
            io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)).update();
        assertThat(eventually(WAIT, () -> programmed(gateways.withName("eg").get()).contains("Invalid")))
            .as("the Gateway's Programmed condition").isTrue();
        assertThat(programmed(gateways.withName("eg").get()))
            .contains("EnvoyProxy envoy-gateway-system/eg spec.provider.kubernetes.envoyDeployment.patch.value.spec.template.spec.containers[1]");
        assertThat(container(deployments.withName(name).get(), "opa").getImage()).as("kept as it runs").isEqualTo(NEW_OPA_IMAGE);

        gateways.withName("eg").delete();
        assertThat(eventually(WAIT, () -> deployments.withName(name).get() == null && services.withName(name).get() == null
            && client.configMaps().inNamespace(NAMESPACE).withName(name).get() == null
            && client.serviceAccounts().inNamespace(NAMESPACE).withName(name).get() == null)).as("its objects deleted").isTrue();
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName("opa-policy").get()).as("not Tollgate's").isNotNull();
      }
    }
  }

  /** The Gateway's Programmed condition as {@code status reason message}. */
  private static String programmed(io.fabric8.kubernetes.api.model.GenericKubernetesResource gateway) {
    Object status = gateway.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> conditions)) {
      return "";
    }
    return conditions.stream().map(c -> (Map<?, ?>) c).filter(c -> "Programmed".equals(c.get("type")))
        .map(c -> c.get("status") + " " + c.get("reason") + " " + c.get("message")).findFirst().orElse("");
  }

  private static Container container(Deployment d, String name) {
    return d == null ? new Container() : d.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(name)).findFirst().orElse(new Container());
  }
}
