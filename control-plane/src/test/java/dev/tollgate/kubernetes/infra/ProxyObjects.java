package dev.tollgate.kubernetes.infra;

import dev.tollgate.infra.InfrastructureLabels;
import dev.tollgate.infra.RenderedGateway;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.List;
import java.util.Map;

/**
 * A Gateway's proxy infrastructure as a renderer would give it — ServiceAccount, bootstrap
 * ConfigMap, Deployment (or DaemonSet) with Envoy and an OPA sidecar, Service — for the
 * reconciler's tests. Not the renderer: just enough real objects to apply.
 */
public final class ProxyObjects {

  public static final String NAMESPACE = "tollgate-system";

  private ProxyObjects() {}

  public static String name(String gatewayNamespace, String gatewayName) {
    return "envoy-" + gatewayNamespace + "-" + gatewayName;
  }

  public static RenderedGateway deployment(String ns, String gw, String opaImage) {
    return new RenderedGateway(ns, gw, List.of(serviceAccount(ns, gw), bootstrap(ns, gw), new DeploymentBuilder()
        .withNewMetadata().withName(name(ns, gw)).withNamespace(NAMESPACE).withLabels(labels(ns, gw)).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels(ns, gw)).endSelector()
        .withTemplate(pod(ns, gw, opaImage)).endSpec().build(), service(ns, gw)), List.of());
  }

  static RenderedGateway daemonSet(String ns, String gw, String opaImage) {
    return new RenderedGateway(ns, gw, List.of(serviceAccount(ns, gw), bootstrap(ns, gw), new DaemonSetBuilder()
        .withNewMetadata().withName(name(ns, gw)).withNamespace(NAMESPACE).withLabels(labels(ns, gw)).endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(labels(ns, gw)).endSelector()
        .withTemplate(pod(ns, gw, opaImage)).endSpec().build(), service(ns, gw)), List.of());
  }

  static RenderedGateway withProblems(String ns, String gw, String... problems) {
    return new RenderedGateway(ns, gw, List.of(), List.of(problems));
  }

  private static Map<String, String> labels(String ns, String gw) {
    return InfrastructureLabels.forGateway(ns, gw);
  }

  private static HasMetadata serviceAccount(String ns, String gw) {
    return new ServiceAccountBuilder().withNewMetadata().withName(name(ns, gw)).withNamespace(NAMESPACE)
        .withLabels(labels(ns, gw)).endMetadata().build();
  }

  private static HasMetadata bootstrap(String ns, String gw) {
    return new ConfigMapBuilder().withNewMetadata().withName(name(ns, gw)).withNamespace(NAMESPACE)
        .withLabels(labels(ns, gw)).endMetadata().withData(Map.of("envoy.json", "{\"node\":{\"cluster\":\"" + ns + "/" + gw + "\"}}"))
        .build();
  }

  private static HasMetadata service(String ns, String gw) {
    return new ServiceBuilder().withNewMetadata().withName(name(ns, gw)).withNamespace(NAMESPACE).withLabels(labels(ns, gw))
        .endMetadata().withNewSpec().withType("LoadBalancer").withSelector(labels(ns, gw)).addNewPort().withName("http-80")
        .withPort(80).withNewTargetPort(10080).withProtocol("TCP").endPort().endSpec().build();
  }

  private static PodTemplateSpec pod(String ns, String gw, String opaImage) {
    return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels(ns, gw)).endMetadata().withNewSpec()
        .withServiceAccountName(name(ns, gw))
        .addNewContainer().withName("envoy").withImage("envoyproxy/envoy:distroless-v1.36.2")
        .withArgs("--config-path", "/config/envoy.json").endContainer()
        .addNewContainer().withName("opa").withImage(opaImage).withArgs("run", "--server").endContainer()
        .addNewVolume().withName("bootstrap").withNewConfigMap().withName(name(ns, gw)).endConfigMap().endVolume()
        .endSpec().build();
  }
}
