package dev.tollgate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.infra.merge.ObjectPatches;
import dev.tollgate.infra.merge.PatchException;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.TranslationResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each of Tollgate's Gateways' proxy infrastructure, from one translation's input and result: a
 * pure function, so {@code tollgate render} prints exactly what the reconciler applies. A Gateway
 * is Tollgate's when the translation gave it a status; its objects are ServiceAccount, bootstrap
 * ConfigMap, Deployment (or DaemonSet), Service, and the HPA and PodDisruptionBudget when its
 * EnvoyProxy asks, each patched by the EnvoyProxy's {@code patch} for that kind.
 */
public final class InfrastructureRenderer {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final InfrastructureSettings settings;

  public InfrastructureRenderer(InfrastructureSettings settings) {
    this.settings = settings;
  }

  /** One Gateway's objects as JSON trees, in apply order; empty when there are problems. */
  public record RenderedTrees(String gatewayNamespace, String gatewayName, List<ObjectNode> objects, List<String> problems) {}

  public List<RenderedGateway> render(ResourceSet input, TranslationResult result) {
    return renderTrees(input, result).stream().map(t -> new RenderedGateway(t.gatewayNamespace(), t.gatewayName(),
        t.objects().stream().map(InfrastructureRenderer::toObject).toList(), t.problems())).toList();
  }

  public List<RenderedTrees> renderTrees(ResourceSet input, TranslationResult result) {
    Set<ObjectKey> ours = result.statuses().stream().filter(s -> s.kind().equals("Gateway"))
        .map(s -> s.key()).collect(Collectors.toSet());
    return input.gateways().stream().filter(g -> ours.contains(g.key()))
        .sorted(java.util.Comparator.comparing((Gateway g) -> g.metadata().namespace()).thenComparing(g -> g.metadata().name()))
        .map(g -> render(input, g)).toList();
  }

  private RenderedTrees render(ResourceSet input, Gateway gateway) {
    String ns = gateway.metadata().namespace();
    String name = gateway.metadata().name();
    ProxyParameters.Lookup lookup = ProxyParameters.of(input, gateway);
    if (lookup instanceof ProxyParameters.Lookup.Problem p) {
      return failed(ns, name, p.message());
    }
    String classUid = input.gatewayClass(gateway.spec().gatewayClassName()).map(c -> c.metadata().uid()).orElse(null);
    ProxyGateway gw = new ProxyGateway(gateway, classUid, ((ProxyParameters.Lookup.Found) lookup).parameters(), settings);
    List<String> problems = new ArrayList<>();
    String bootstrap = BootstrapConfig.bootstrapJson(gw, problems);
    ObjectNode configMap = BootstrapConfig.configMap(gw, bootstrap);
    String checksum = ProxyNames.sha256(TranslationDocument.toJson(configMap.get("data")));
    boolean daemonSet = !gw.parameters().at(ProxyKinds.DAEMON_SET).isMissingNode();
    List<ObjectNode> objects = new ArrayList<>();
    objects.add(ProxyKinds.serviceAccount(gw));
    objects.add(configMap);
    objects.add(patched(gw, daemonSet ? ProxyKinds.DAEMON_SET : ProxyKinds.DEPLOYMENT, ProxyKinds.workload(gw, checksum), problems));
    objects.add(patched(gw, ProxyKinds.SERVICE, ProxyKinds.service(gw), problems));
    if (!gw.parameters().at(ProxyKinds.HPA).isMissingNode()) {
      if (daemonSet) {
        problems.add(gw.parameters().where(ProxyKinds.HPA) + ": an HPA scales a Deployment; it cannot be used with envoyDaemonSet");
      } else if (!gw.parameters().at(ProxyKinds.HPA).has("maxReplicas")) {
        problems.add(gw.parameters().where(ProxyKinds.HPA + ".maxReplicas") + ": is required");
      } else {
        objects.add(patched(gw, ProxyKinds.HPA, ProxyKinds.hpa(gw), problems));
      }
    }
    if (!gw.parameters().at(ProxyKinds.PDB).isMissingNode()) {
      objects.add(patched(gw, ProxyKinds.PDB, ProxyKinds.pdb(gw), problems));
    }
    for (ObjectNode o : objects) {
      checkReadable(gw, o, problems);
    }
    return problems.isEmpty() ? new RenderedTrees(ns, name, objects, List.of()) : failed(ns, name, problems);
  }

  /** The object with the EnvoyProxy's {@code patch} of that kind applied, as Envoy Gateway applies it. */
  private static ObjectNode patched(ProxyGateway gw, String field, ObjectNode object, List<String> problems) {
    JsonNode patch = gw.parameters().at(field).path("patch");
    if (patch.isMissingNode() || patch.isNull()) {
      return object;
    }
    String type = patch.path("type").isTextual() ? patch.get("type").asText() : null;
    try {
      JsonNode out = ObjectPatches.apply(type, object, patch.path("value"));
      if (!out.isObject()) {
        problems.add(gw.parameters().where(field + ".patch.value") + ": the patched " + object.path("kind").asText() + " is not an object");
        return object;
      }
      return (ObjectNode) out;
    } catch (PatchException e) {
      String at = e.path().isEmpty() ? field + ".patch.value" : field + ".patch.value." + e.path();
      problems.add(gw.parameters().where(at) + ": " + e.getMessage());
      return object;
    }
  }

  /** A patch can give a field a value of the wrong type: Kubernetes' model must read every object. */
  private static void checkReadable(ProxyGateway gw, ObjectNode object, List<String> problems) {
    try {
      toObject(object);
    } catch (RuntimeException e) {
      problems.add(gw.parameters().where(fieldOf(object.path("kind").asText())) + ": the resulting "
          + object.path("kind").asText() + " is not valid: " + firstLine(e.getMessage()));
    }
  }

  private static String fieldOf(String kind) {
    return switch (kind) {
      case "DaemonSet" -> ProxyKinds.DAEMON_SET;
      case "Service" -> ProxyKinds.SERVICE;
      case "HorizontalPodAutoscaler" -> ProxyKinds.HPA;
      case "PodDisruptionBudget" -> ProxyKinds.PDB;
      default -> ProxyKinds.DEPLOYMENT;
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static HasMetadata toObject(ObjectNode tree) {
    Object o = SERIALIZATION.unmarshal(TranslationDocument.toJson(tree));
    if (!(o instanceof HasMetadata h)) {
      throw new IllegalArgumentException("not a Kubernetes object: " + tree.path("kind").asText());
    }
    return h;
  }

  private static RenderedTrees failed(String ns, String name, String problem) {
    return failed(ns, name, List.of(problem));
  }

  private static RenderedTrees failed(String ns, String name, List<String> problems) {
    return new RenderedTrees(ns, name, List.of(), problems.stream().map(p -> "Gateway " + ns + "/" + name + ": " + p).toList());
  }
}
