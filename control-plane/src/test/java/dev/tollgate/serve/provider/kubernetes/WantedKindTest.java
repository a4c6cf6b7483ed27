package dev.tollgate.serve.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which kinds the provider watches, and in which version a CRD has them watched. */
class WantedKindTest {

  private static CustomResourceDefinition crd(String group, String kind, String plural, String scope, String... versions) {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + "." + group).endMetadata()
        .withNewSpec().withGroup(group).withScope(scope).withNewNames().withKind(kind).withPlural(plural).endNames()
        .withVersions(Arrays.stream(versions).map(v -> new CustomResourceDefinitionVersionBuilder()
            .withName(v.replace("!", "")).withServed(!v.endsWith("!")).withStorage(v.equals(versions[0])).build()).toList())
        .endSpec().build();
  }

  private static WantedKind wanted(String kind, ExtensionKinds extensions) {
    return WantedKind.all(extensions).stream().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void everyKindTollgateReads_isWanted_builtInOnesWithoutACrd() {
    List<WantedKind> all = WantedKind.all(ExtensionKinds.NONE);
    assertThat(all).extracting(WantedKind::kind).contains("GatewayClass", "HTTPRoute", "SecurityPolicy", "Secret", "EndpointSlice");
    assertThat(wanted("EndpointSlice", ExtensionKinds.NONE).builtInWatch())
        .isEqualTo(new WatchedKind("discovery.k8s.io", "EndpointSlice", "v1", "endpointslices", true));
    assertThat(wanted("HTTPRoute", ExtensionKinds.NONE).builtIn()).isFalse();
  }

  @Test
  void aCrdServingSeveralReadableVersions_isWatchedInTheNewest_evenWhenAnOlderOneIsStored() {
    WantedKind grants = wanted("ReferenceGrant", ExtensionKinds.NONE);
    CustomResourceDefinition crd = crd("gateway.networking.k8s.io", "ReferenceGrant", "referencegrants", "Namespaced",
        "v1beta1", "v1", "v1alpha2");
    assertThat(grants.definedBy(crd)).isTrue();
    assertThat(grants.servedBy(crd)).contains(
        new WatchedKind("gateway.networking.k8s.io", "ReferenceGrant", "v1", "referencegrants", true));
  }

  @Test
  void aVersionNotServed_orNotReadByTollgate_isNotWatched() {
    WantedKind routes = wanted("HTTPRoute", ExtensionKinds.NONE);
    assertThat(routes.servedBy(crd("gateway.networking.k8s.io", "HTTPRoute", "httproutes", "Namespaced", "v1beta1", "v1!")))
        .map(WatchedKind::version).contains("v1beta1");
    assertThat(routes.servedBy(crd("gateway.networking.k8s.io", "HTTPRoute", "httproutes", "Namespaced", "v1alpha2")))
        .isEqualTo(Optional.empty());
    assertThat(routes.definedBy(crd("example.com", "HTTPRoute", "httproutes", "Namespaced", "v1"))).isFalse();
  }

  @Test
  void anExtensionKind_isWatchedInAnyVersionItsCrdServes_withTheCrdsNameAndScope() {
    ExtensionKinds extensions = new ExtensionKinds(Set.of(new GroupKind("example.io", "Bucket")), Set.of(), Set.of());
    WantedKind buckets = wanted("Bucket", extensions);
    assertThat(buckets.servedBy(crd("example.io", "Bucket", "buckets", "Cluster", "v2beta1", "v1")))
        .contains(new WatchedKind("example.io", "Bucket", "v1", "buckets", false));
  }

  @Test
  void versionPriority_isKubernetesOrder() {
    assertThat(List.of("v1alpha1", "v2", "v1beta2", "v1", "v1beta1", "v10").stream().sorted(WantedKind::compareVersions))
        .containsExactly("v1alpha1", "v1beta1", "v1beta2", "v1", "v2", "v10");
  }
}
