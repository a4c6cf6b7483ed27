package dev.tollgate.kubernetes;

import static dev.tollgate.kubernetes.KubernetesServe.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.kubernetes.infra.ApplyingCrudDispatcher;
import dev.tollgate.kubernetes.infra.ProxyObjects;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * serve with the Kubernetes provider, leading, against the mock API server: a Gateway gets its
 * proxy infrastructure, a changed rendering rolls the Deployment, the Gateway's addresses come
 * from its Service's status, and deleting the Gateway deletes its infrastructure.
 */
class KubernetesInfrastructureTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String GATEWAY = """
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
        listeners:
          - {name: http, protocol: HTTP, port: 80}
      """;

  @Test
  void gateway_getsItsProxies_rolledOnChange_addressedFromItsService_andRemovedWithIt() throws Exception {
    ApplyingCrudDispatcher dispatcher = new ApplyingCrudDispatcher();
    try (CrdMockCluster cluster = new CrdMockCluster(dispatcher)) {
      cluster.create(GATEWAY);
      var client = cluster.client();
      var deployments = client.apps().deployments().inNamespace(ProxyObjects.NAMESPACE);
      var services = client.services().inNamespace(ProxyObjects.NAMESPACE);
      String name = ProxyObjects.name("default", "eg");
      try (KubernetesServe serve = KubernetesServe.against(cluster.url(), Map.of("test.infrastructure-rendering", true, "tollgate.infrastructure.reconcile", true,
          "tollgate.infrastructure.namespace", ProxyObjects.NAMESPACE, "tollgate.leader-election.namespace", ProxyObjects.NAMESPACE))) {
        assertThat(eventually(WAIT, () -> deployments.withName(name).get() != null)).as("the Deployment").isTrue();
        assertThat(eventually(WAIT, () -> services.withName(name).get() != null)).as("the Service").isTrue();
        assertThat(client.serviceAccounts().inNamespace(ProxyObjects.NAMESPACE).withName(name).get()).isNotNull();
        assertThat(client.configMaps().inNamespace(ProxyObjects.NAMESPACE).withName(name).get()).isNotNull();

        // Another OPA image: the Deployment's pod template changes, which rolls its pods.
        var gateways = client.genericKubernetesResources("gateway.networking.k8s.io/v1", "Gateway").inNamespace("default");
        gateways.withName("eg").edit(g -> {
          g.getMetadata().setAnnotations(Map.of("test/opa-image", "openpolicyagent/opa:1.11.0-envoy-5-static"));
          return g;
        });
        assertThat(eventually(WAIT, () -> "openpolicyagent/opa:1.11.0-envoy-5-static".equals(opaImage(deployments.withName(name).get()))))
            .as("the Deployment's OPA image").isTrue();

        // The load balancer reports its address: the Gateway's status says so.
        Service service = services.withName(name).get();
        service.setStatus(new io.fabric8.kubernetes.api.model.ServiceStatusBuilder().withNewLoadBalancer()
            .withIngress(new LoadBalancerIngressBuilder().withIp("203.0.113.7").build()).endLoadBalancer().build());
        services.resource(service).updateStatus();
        assertThat(eventually(WAIT, () -> List.of(Map.of("type", "IPAddress", "value", "203.0.113.7"))
            .equals(((Map<?, ?>) gateways.withName("eg").get().getAdditionalProperties().get("status")).get("addresses"))))
            .as("the Gateway's status.addresses").isTrue();

        gateways.withName("eg").delete();
        assertThat(eventually(WAIT, () -> deployments.withName(name).get() == null && services.withName(name).get() == null))
            .as("its infrastructure deleted").isTrue();
        assertThat(client.configMaps().inNamespace(ProxyObjects.NAMESPACE).withName(name).get()).isNull();
      }
    }
  }

  private static String opaImage(Deployment d) {
    return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("opa")).findFirst().map(c -> c.getImage()).orElse(null);
  }
}
