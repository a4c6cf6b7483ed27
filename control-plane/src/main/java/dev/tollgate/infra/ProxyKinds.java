package dev.tollgate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.json.Mappers;
import java.util.Map;

/**
 * Each kind of a Gateway's proxy objects before its EnvoyProxy patch, with Envoy Gateway's
 * defaults and the EnvoyProxy's typed settings ({@code envoyDeployment.replicas},
 * {@code envoyService.type}, ...).
 */
final class ProxyKinds {

  static final String DEPLOYMENT = "envoyDeployment";
  static final String DAEMON_SET = "envoyDaemonSet";
  static final String SERVICE = "envoyService";
  static final String HPA = "envoyHpa";
  static final String PDB = "envoyPDB";

  private ProxyKinds() {}

  static ObjectNode serviceAccount(ProxyGateway gw) {
    ObjectNode sa = object("v1", "ServiceAccount", gw.metadata(gw.name()));
    sa.put("automountServiceAccountToken", false);
    return sa;
  }

  /** The Deployment, or with {@code envoyDaemonSet} set the DaemonSet, running the proxies. */
  static ObjectNode workload(ProxyGateway gw, String checksum) {
    boolean daemonSet = !gw.parameters().at(DAEMON_SET).isMissingNode();
    String field = daemonSet ? DAEMON_SET : DEPLOYMENT;
    JsonNode settings = gw.parameters().at(field);
    ObjectNode w = object("apps/v1", daemonSet ? "DaemonSet" : "Deployment", gw.metadata(gw.nameOf(field)));
    ObjectNode spec = w.putObject("spec");
    if (!daemonSet && gw.parameters().at(HPA).isMissingNode()) {
      spec.put("replicas", settings.path("replicas").asInt(1)); // with an HPA, the HPA owns the count
    }
    spec.put("revisionHistoryLimit", 10);
    spec.putObject("selector").set("matchLabels", Mappers.json().valueToTree(gw.selector()));
    if (settings.has("strategy")) {
      spec.set(daemonSet ? "updateStrategy" : "strategy", settings.get("strategy").deepCopy());
    } else if (!daemonSet) {
      spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
          .put("maxSurge", "25%").put("maxUnavailable", "25%");
    }
    spec.set("template", ProxyPod.template(gw, settings, checksum));
    return w;
  }

  static ObjectNode service(ProxyGateway gw) {
    JsonNode settings = gw.parameters().at(SERVICE);
    ObjectNode metadata = gw.metadata(gw.nameOf(SERVICE));
    mergeInto(metadata, "labels", settings.path("labels"));
    mergeInto(metadata, "annotations", settings.path("annotations"));
    ObjectNode svc = object("v1", "Service", metadata);
    ObjectNode spec = svc.putObject("spec");
    String type = settings.path("type").asText("LoadBalancer");
    spec.put("type", type);
    spec.set("selector", Mappers.json().valueToTree(gw.selector()));
    spec.put("sessionAffinity", "None");
    if (!"ClusterIP".equals(type)) {
      spec.put("externalTrafficPolicy", settings.path("externalTrafficPolicy").asText("Local"));
    }
    for (String f : new String[] {"loadBalancerClass", "loadBalancerIP", "loadBalancerSourceRanges", "allocateLoadBalancerNodePorts"}) {
      if (settings.has(f) && !settings.get(f).isNull()) {
        spec.set(f, settings.get(f).deepCopy());
      }
    }
    var ports = spec.putArray("ports");
    for (ProxyGateway.Port p : gw.ports()) {
      ports.addObject().put("name", p.name()).put("protocol", p.protocol()).put("port", p.port()).put("targetPort", p.containerPort());
    }
    return svc;
  }

  /** The HorizontalPodAutoscaler of {@code envoyHpa}, scaling the Deployment. */
  static ObjectNode hpa(ProxyGateway gw) {
    JsonNode settings = gw.parameters().at(HPA);
    ObjectNode hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", gw.metadata(gw.nameOf(HPA)));
    ObjectNode spec = hpa.putObject("spec");
    spec.putObject("scaleTargetRef").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", gw.nameOf(DEPLOYMENT));
    if (settings.has("minReplicas")) {
      spec.set("minReplicas", settings.get("minReplicas").deepCopy());
    }
    spec.set("maxReplicas", settings.get("maxReplicas").deepCopy());
    if (settings.path("metrics").isArray() && !settings.get("metrics").isEmpty()) {
      spec.set("metrics", settings.get("metrics").deepCopy());
    } else { // Envoy Gateway's default: 80% of the requested CPU
      spec.putArray("metrics").addObject().put("type", "Resource").putObject("resource").put("name", "cpu")
          .putObject("target").put("type", "Utilization").put("averageUtilization", 80);
    }
    if (settings.has("behavior")) {
      spec.set("behavior", settings.get("behavior").deepCopy());
    }
    return hpa;
  }

  /** The PodDisruptionBudget of {@code envoyPDB}; neither bound set means at least one pod stays. */
  static ObjectNode pdb(ProxyGateway gw) {
    JsonNode settings = gw.parameters().at(PDB);
    ObjectNode pdb = object("policy/v1", "PodDisruptionBudget", gw.metadata(gw.nameOf(PDB)));
    ObjectNode spec = pdb.putObject("spec");
    if (settings.has("maxUnavailable")) {
      spec.set("maxUnavailable", settings.get("maxUnavailable").deepCopy());
    } else {
      spec.set("minAvailable", settings.has("minAvailable") ? settings.get("minAvailable").deepCopy() : spec.numberNode(1));
    }
    spec.putObject("selector").set("matchLabels", Mappers.json().valueToTree(gw.selector()));
    return pdb;
  }

  private static ObjectNode object(String apiVersion, String kind, ObjectNode metadata) {
    ObjectNode o = Mappers.json().createObjectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.set("metadata", metadata);
    return o;
  }

  /** Adds the EnvoyProxy's labels or annotations; those already there (the selector's) win. */
  private static void mergeInto(ObjectNode metadata, String field, JsonNode extra) {
    if (!extra.isObject() || extra.isEmpty()) {
      return;
    }
    Map<String, String> merged = ProxyGateway.merged(Map.of(), extra);
    metadata.path(field).fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue().asText()));
    metadata.set(field, Mappers.json().valueToTree(merged));
  }
}
