package dev.tollgate.kubernetes;

import dev.tollgate.translator.input.Kind;
import dev.tollgate.translator.input.Kinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Puts Tollgate's CRDs and manifests into a (mock) cluster through the API, as {@code kubectl apply} would. */
final class ClusterObjects {

  private static final String SCHEMAS = "/dev/tollgate/translator/admission/schemas/";

  private final KubernetesClient client;

  ClusterObjects(KubernetesClient client) {
    this.client = client;
  }

  /** Installs the shipped CRD of each named resource ({@code gateway.networking.k8s.io_httproutes}). */
  void installCrds(List<String> names) throws IOException {
    for (String name : names) {
      try (InputStream in = ClusterObjects.class.getResourceAsStream(SCHEMAS + name + ".yaml")) {
        for (HasMetadata crd : client.load(in).items()) {
          client.apiextensions().v1().customResourceDefinitions().resource((CustomResourceDefinition) crd).create();
        }
      }
    }
  }

  /** The shipped CRDs of every Gateway API kind Tollgate reads. */
  static final List<String> GATEWAY_API = List.of("gateway.networking.k8s.io_gatewayclasses", "gateway.networking.k8s.io_gateways",
      "gateway.networking.k8s.io_httproutes", "gateway.networking.k8s.io_grpcroutes", "gateway.networking.k8s.io_referencegrants");

  /** Creates every object of a manifest. */
  void create(String yaml) {
    for (HasMetadata object : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
      GenericKubernetesResource generic = client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
      resources(generic.getApiVersion(), generic.getKind(), generic.getMetadata().getNamespace()).resource(generic).create();
    }
  }

  /** The objects of a kind Tollgate reads, in a namespace (ignored for cluster-scoped kinds). */
  NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> resources(
      String apiVersion, String kindName, String namespace) {
    int slash = apiVersion.lastIndexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    Kind kind = Kinds.find(group, kindName).orElseThrow();
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group)
        .withVersion(apiVersion.substring(slash + 1)).withKind(kindName).withPlural(kind.plural())
        .withNamespaced(kind.namespaced()).build();
    var all = client.genericKubernetesResources(context);
    return kind.namespaced() ? all.inNamespace(namespace == null ? "default" : namespace) : all;
  }

  /**
   * A condition's status as kubectl shows it: in the first entry of {@code entries} (parents,
   * ancestors), or the object's own conditions when null; null when there is none.
   */
  @SuppressWarnings("unchecked")
  static String conditionStatus(GenericKubernetesResource object, String entries, String type) {
    if (object == null || !(object.getAdditionalProperties().get("status") instanceof java.util.Map<?, ?> status)) {
      return null;
    }
    Object holder = status;
    if (entries != null) {
      holder = status.get(entries) instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
    }
    if (!(holder instanceof java.util.Map<?, ?> h) || !(h.get("conditions") instanceof List<?> conditions)) {
      return null;
    }
    return conditions.stream().map(c -> (java.util.Map<String, Object>) c).filter(c -> type.equals(c.get("type")))
        .map(c -> (String) c.get("status")).findFirst().orElse(null);
  }
}
