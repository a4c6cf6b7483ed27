package dev.tollgate.kubernetes.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.infra.InfrastructureLabels;
import dev.tollgate.infra.RenderedGateway;
import dev.tollgate.serve.xds.auth.GatewayLabels;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredObjectsTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static DesiredObjects of(RenderedGateway... gateways) {
    return DesiredObjects.of(List.of(gateways), ProxyObjects.NAMESPACE, SERIALIZATION);
  }

  @Test
  void objects_areInApplyOrder_whateverTheRenderOrder() {
    RenderedGateway g = ProxyObjects.deployment("default", "eg", "opa");
    List<HasMetadata> reversed = new ArrayList<>(g.objects());
    java.util.Collections.reverse(reversed);

    DesiredObjects desired = of(new RenderedGateway("default", "eg", reversed, List.of()));

    assertThat(desired.objects().keySet()).extracting(ManagedKey::kind)
        .containsExactly("ServiceAccount", "ConfigMap", "Deployment", "Service");
    assertThat(desired.problems()).isEmpty();
  }

  @Test
  void objectOfAKindNotManaged_keepsItsGateway_andNamesTheKind() {
    RenderedGateway g = ProxyObjects.deployment("default", "eg", "opa");
    List<HasMetadata> objects = new ArrayList<>(g.objects());
    objects.add(new RoleBuilder().withNewMetadata().withName("envoy").withLabels(InfrastructureLabels.forGateway("default", "eg"))
        .endMetadata().build());

    DesiredObjects desired = of(new RenderedGateway("default", "eg", objects, List.of()), ProxyObjects.deployment("default", "other", "opa"));

    assertThat(desired.kept()).containsExactly("default/eg");
    assertThat(desired.problems().get("default/eg")).singleElement().asString()
        .startsWith("Role envoy: kind Role (rbac.authorization.k8s.io/v1) is not one the reconciler manages");
    assertThat(desired.objects().keySet()).extracting(ManagedKey::name).containsOnly("envoy-default-other");
  }

  @Test
  void sameObjectForTwoGateways_isTheSecondsProblem() {
    RenderedGateway first = ProxyObjects.deployment("default", "a", "opa");
    HasMetadata clash = new ConfigMapBuilder().withNewMetadata().withName("envoy-default-a")
        .withLabels(InfrastructureLabels.forGateway("default", "b")).endMetadata().build();

    DesiredObjects desired = of(first, new RenderedGateway("default", "b", List.of(clash), List.of()));

    assertThat(desired.kept()).containsExactly("default/b");
    assertThat(desired.problems().get("default/b")).singleElement().asString()
        .isEqualTo("ConfigMap envoy-default-a is rendered twice (also for Gateway default/a)");
  }

  @Test
  void objectWithoutTheManagedByLabel_isRefused_sinceItCouldNeverBeFoundToDelete() {
    HasMetadata unlabelled = new ConfigMapBuilder().withNewMetadata().withName("x")
        .withLabels(Map.of(GatewayLabels.NAMESPACE, "default", GatewayLabels.NAME, "eg")).endMetadata().build();

    DesiredObjects desired = of(new RenderedGateway("default", "eg", List.of(unlabelled), List.of()));

    assertThat(desired.problems().get("default/eg")).singleElement().asString()
        .contains("lacks app.kubernetes.io/managed-by=tollgate");
  }

  @Test
  void objectWithoutANamespace_isPlacedInTheInfrastructureNamespace() {
    HasMetadata cm = new ConfigMapBuilder().withNewMetadata().withName("x").withLabels(InfrastructureLabels.forGateway("default", "eg"))
        .endMetadata().build();

    DesiredObjects desired = of(new RenderedGateway("default", "eg", List.of(cm), List.of()));

    assertThat(desired.objects().values()).singleElement()
        .satisfies(d -> assertThat(d.object().getMetadata().getNamespace()).isEqualTo(ProxyObjects.NAMESPACE));
  }
}
