package dev.tollgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.tollgate.testing.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart in deploy/chart/tollgate, linted and rendered by Helm's own engine (helm-java). */
public final class TollgateChart {

  /** The release and namespace the plain manifests in deploy/manifests are rendered for. */
  public static final String RELEASE = "tollgate";
  public static final String NAMESPACE = "tollgate-system";

  /** The Kubernetes version rendered for: Helm's own default (1.20) is older than the chart supports. */
  public static final String KUBE_VERSION = "1.34.0";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TollgateChart() {}

  public static Path deploy() {
    return Golden.testdata().resolveSibling("deploy");
  }

  public static Path path() {
    return deploy().resolve("chart/tollgate");
  }

  public static Helm helm() {
    return new Helm(path());
  }

  /** {@code helm template tollgate deploy/chart/tollgate -n tollgate-system --set K=V ...}, CRDs left out. */
  public static String template(Map<String, Object> values) {
    TemplateCommand template = helm().template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION).skipCrds();
    values.forEach(template::set);
    return template.call();
  }

  /** The YAML documents of a rendering, empty ones left out. */
  public static List<ObjectNode> documents(String yaml) {
    List<ObjectNode> out = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(yaml)) {
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode doc = it.next();
        if (doc instanceof ObjectNode o && !o.isEmpty()) {
          out.add(o);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }
}
