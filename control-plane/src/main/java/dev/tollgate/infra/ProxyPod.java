package dev.tollgate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.bootstrap.ReadinessListener;
import dev.tollgate.translator.json.Mappers;
import java.util.Map;

/**
 * The pod template of a Gateway's proxies, with Envoy Gateway's defaults (one {@code envoy}
 * container, restricted security context, readiness on {@code /ready}, a shutdown drain) and the
 * EnvoyProxy's {@code pod}, {@code container} and {@code initContainers} settings laid over them
 * as Envoy Gateway lays them: volumes, mounts and env are added to Tollgate's, the rest replaces.
 */
final class ProxyPod {

  static final String ENVOY = "envoy";
  static final String CHECKSUM_ANNOTATION = "tollgate.dev/bootstrap-checksum";
  /** Seconds a terminating pod keeps serving after it left the Service's endpoints. */
  static final int DRAIN_SECONDS = 15;
  static final int TERMINATION_GRACE_SECONDS = 60;
  private static final int TOKEN_SECONDS = 3600;

  private ProxyPod() {}

  /** The template; {@code workload} is {@code envoyDeployment} or {@code envoyDaemonSet}. */
  static ObjectNode template(ProxyGateway gw, JsonNode workload, String bootstrapChecksum) {
    JsonNode pod = workload.path("pod");
    ObjectNode template = Mappers.json().createObjectNode();
    ObjectNode metadata = template.putObject("metadata");
    Map<String, String> labels = ProxyGateway.merged(gw.infrastructure(true), pod.path("labels"));
    labels.putAll(gw.selector());
    metadata.set("labels", Mappers.json().valueToTree(labels));
    Map<String, String> annotations = ProxyGateway.merged(gw.infrastructure(false), pod.path("annotations"));
    annotations.put(CHECKSUM_ANNOTATION, bootstrapChecksum);
    metadata.set("annotations", Mappers.json().valueToTree(annotations));

    ObjectNode spec = template.putObject("spec");
    spec.put("serviceAccountName", gw.name());
    spec.put("automountServiceAccountToken", false); // the proxy's only token is the projected one for Tollgate
    spec.put("terminationGracePeriodSeconds", TERMINATION_GRACE_SECONDS);
    copy(pod, spec, "securityContext", "affinity", "tolerations", "nodeSelector", "topologySpreadConstraints",
        "imagePullSecrets", "priorityClassName");
    if (workload.path("initContainers").isArray()) {
      spec.set("initContainers", workload.get("initContainers").deepCopy());
    }
    spec.putArray("containers").add(envoy(gw, workload.path("container")));
    ArrayNode volumes = spec.putArray("volumes");
    volumes.add(configMapVolume("bootstrap", gw.name()));
    if (gw.settings().tokenAudience() != null) {
      volumes.add(tokenVolume(gw));
    }
    if (gw.settings().xdsCaConfigMap() != null) {
      volumes.add(configMapVolume("xds-ca", gw.settings().xdsCaConfigMap()));
    }
    pod.path("volumes").forEach(v -> volumes.add(v.deepCopy()));
    return template;
  }

  private static ObjectNode envoy(ProxyGateway gw, JsonNode container) {
    ObjectNode c = Mappers.json().createObjectNode();
    c.put("name", ENVOY);
    c.put("image", container.path("image").asText(gw.settings().envoyImage()));
    c.put("imagePullPolicy", "IfNotPresent");
    c.putArray("command").add("envoy");
    c.putArray("args").add("--config-path").add(BootstrapConfig.CONFIG_DIR + "/" + BootstrapConfig.BOOTSTRAP_KEY)
        .add("--service-node").add("$(ENVOY_POD_NAME)").add("--log-level").add("warn").add("--cpuset-threads")
        .add("--drain-strategy").add("immediate").add("--drain-time-s").add(String.valueOf(DRAIN_SECONDS));
    ArrayNode env = c.putArray("env");
    env.add(fieldRef("ENVOY_GATEWAY_NAMESPACE", "metadata.namespace"));
    env.add(fieldRef("ENVOY_POD_NAME", "metadata.name"));
    container.path("env").forEach(e -> env.add(e.deepCopy()));
    ArrayNode ports = c.putArray("ports");
    for (ProxyGateway.Port p : gw.ports()) {
      ports.addObject().put("name", p.name()).put("containerPort", p.containerPort()).put("protocol", p.protocol());
    }
    ports.addObject().put("name", "readiness").put("containerPort", ReadinessListener.DEFAULT_PORT).put("protocol", "TCP");
    c.set("readinessProbe", probe(5, 1));
    c.set("startupProbe", probe(10, 30));
    c.putObject("lifecycle").putObject("preStop").putObject("sleep").put("seconds", DRAIN_SECONDS);
    if (container.has("resources")) {
      c.set("resources", container.get("resources").deepCopy());
    } else {
      c.putObject("resources").putObject("requests").put("cpu", "100m").put("memory", "512Mi");
    }
    c.set("securityContext", container.has("securityContext") ? container.get("securityContext").deepCopy() : restricted());
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "bootstrap").put("mountPath", BootstrapConfig.CONFIG_DIR).put("readOnly", true);
    if (gw.settings().tokenAudience() != null) {
      mounts.addObject().put("name", "tollgate-xds").put("mountPath", BootstrapConfig.TOKEN_DIR).put("readOnly", true);
    }
    if (gw.settings().xdsCaConfigMap() != null) {
      mounts.addObject().put("name", "xds-ca").put("mountPath", BootstrapConfig.CA_DIR).put("readOnly", true);
    }
    container.path("volumeMounts").forEach(m -> mounts.add(m.deepCopy()));
    return c;
  }

  private static ObjectNode probe(int periodSeconds, int failureThreshold) {
    ObjectNode probe = Mappers.json().createObjectNode();
    probe.putObject("httpGet").put("path", ReadinessListener.PATH).put("port", ReadinessListener.DEFAULT_PORT).put("scheme", "HTTP");
    probe.put("periodSeconds", periodSeconds).put("timeoutSeconds", 1).put("successThreshold", 1)
        .put("failureThreshold", failureThreshold);
    return probe;
  }

  /** Envoy Gateway's container defaults, which pass the restricted Pod Security Standard. */
  private static ObjectNode restricted() {
    ObjectNode s = Mappers.json().createObjectNode();
    s.put("allowPrivilegeEscalation", false);
    s.putObject("capabilities").putArray("drop").add("ALL");
    s.put("privileged", false);
    s.put("readOnlyRootFilesystem", true);
    s.put("runAsGroup", 65532).put("runAsNonRoot", true).put("runAsUser", 65532);
    s.putObject("seccompProfile").put("type", "RuntimeDefault");
    return s;
  }

  private static ObjectNode fieldRef(String name, String path) {
    ObjectNode e = Mappers.json().createObjectNode().put("name", name);
    e.putObject("valueFrom").putObject("fieldRef").put("apiVersion", "v1").put("fieldPath", path);
    return e;
  }

  private static ObjectNode configMapVolume(String name, String configMap) {
    ObjectNode v = Mappers.json().createObjectNode().put("name", name);
    v.putObject("configMap").put("name", configMap).put("defaultMode", 420);
    return v;
  }

  /** The token for Tollgate's audience and its secret file, in one directory (see {@link BootstrapConfig}). */
  private static ObjectNode tokenVolume(ProxyGateway gw) {
    ObjectNode v = Mappers.json().createObjectNode().put("name", "tollgate-xds");
    ArrayNode sources = v.putObject("projected").put("defaultMode", 420).putArray("sources");
    sources.addObject().putObject("serviceAccountToken").put("audience", gw.settings().tokenAudience())
        .put("expirationSeconds", TOKEN_SECONDS).put("path", "tollgate-xds");
    ObjectNode cm = sources.addObject().putObject("configMap").put("name", gw.name());
    cm.putArray("items").addObject().put("key", BootstrapConfig.TOKEN_SDS_KEY).put("path", BootstrapConfig.TOKEN_SDS_KEY);
    return v;
  }

  private static void copy(JsonNode from, ObjectNode to, String... fields) {
    for (String f : fields) {
      if (from.has(f) && !from.get(f).isNull()) {
        to.set(f, from.get(f).deepCopy());
      }
    }
  }
}
