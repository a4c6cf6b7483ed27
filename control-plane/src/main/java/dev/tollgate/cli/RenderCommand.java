package dev.tollgate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.app.NetworkAddress;
import dev.tollgate.app.Pipelines;
import dev.tollgate.infra.InfrastructureRenderer;
import dev.tollgate.infra.InfrastructureSettings;
import dev.tollgate.kubernetes.infra.InfrastructureNamespace;
import dev.tollgate.serve.xds.auth.ProxyAuthSettings;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tollgate render}: the Kubernetes objects that run each Gateway's proxies, as serve would apply them. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the Kubernetes objects that run each Gateway's proxies.",
      "Each Gateway of Tollgate's GatewayClass gets a ServiceAccount, a bootstrap ConfigMap, a Deployment "
          + "(or DaemonSet), a Service and, when its EnvoyProxy asks, an HPA and a PodDisruptionBudget, with the "
          + "EnvoyProxy's provider.kubernetes settings and patches applied: exactly what serve --provider "
          + "kubernetes applies. Same input, same bytes; the YAML applies with kubectl apply -f."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every Gateway was rendered",
      "1:internal error",
      "2:invalid command line",
      "3:an input could not be read",
      "4:a Gateway's infrastructure could not be rendered (named on stderr; its objects are left out)"
    })
final class RenderCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ManifestFiles input;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; json prints a v1 List).")
  OutputFormat format;

  @Option(names = "--infrastructure-namespace", paramLabel = "NS",
      description = "Where the proxies run (default: POD_NAMESPACE, else " + InfrastructureNamespace.DEFAULT + ").")
  String namespace;

  @Option(names = "--xds-address", paramLabel = "HOST:PORT",
      description = "Where the proxies reach Tollgate's xDS (default: tollgate.<namespace>.svc:18000).")
  String xdsAddress;

  @Option(names = "--envoy-image", paramLabel = "IMAGE",
      description = "The Envoy image unless an EnvoyProxy names one (default: " + InfrastructureSettings.DEFAULT_ENVOY_IMAGE + ").")
  String envoyImage;

  @Option(names = "--xds-ca-config-map", paramLabel = "NAME",
      description = "A ConfigMap with ca.crt the proxies verify Tollgate with over TLS (default: plaintext).")
  String xdsCaConfigMap;

  @Option(names = "--xds-token-audience", paramLabel = "AUDIENCE", defaultValue = ProxyAuthSettings.DEFAULT_AUDIENCE,
      description = "Audience of the ServiceAccount token each proxy proves its Gateway with (default: ${DEFAULT-VALUE}).")
  String tokenAudience;

  @Option(names = "--no-xds-token", description = "Proxies send no token (for tollgate.proxy-auth=none).")
  boolean noToken;

  @Option(names = "--controller-name", paramLabel = "NAME", defaultValue = TranslatorConfig.DEFAULT_CONTROLLER_NAME,
      description = "GatewayClasses with this controllerName are Tollgate's (default: ${DEFAULT-VALUE}).")
  String controllerName;

  @CommandLine.Mixin ReadLimitOptions limits;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String ns = InfrastructureNamespace.resolve(namespace, System.getenv());
    InfrastructureSettings settings = new InfrastructureSettings(ns, xdsAddress, envoyImage, xdsCaConfigMap,
        noToken ? null : tokenAudience);
    try {
      NetworkAddress.connecting(settings.xdsAddress());
    } catch (IllegalArgumentException e) {
      err.println("tollgate: --xds-address " + e.getMessage());
      return ExitCodes.USAGE;
    }
    ManifestReader reader = new ManifestReader(ExtensionKinds.NONE, limits.limits());
    if (!input.readInto(reader, err)) {
      return ExitCodes.UNREADABLE_INPUT;
    }
    TranslatorConfig config = TranslatorConfig.offline().withControllerName(controllerName);
    TranslationResult result = Pipelines.create(config).run(reader.resources(), reader.problems());
    List<InfrastructureRenderer.RenderedTrees> rendered = new InfrastructureRenderer(settings).renderTrees(reader.resources(), result);
    rendered.forEach(r -> r.problems().forEach(p -> err.println("error: " + p)));
    List<ObjectNode> objects = rendered.stream().flatMap(r -> r.objects().stream()).toList();
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == OutputFormat.json ? TranslationDocument.toJson(list(objects)) : yaml(objects));
    out.flush();
    err.flush();
    return rendered.stream().anyMatch(r -> !r.problems().isEmpty()) ? ExitCodes.REJECTED : ExitCodes.OK;
  }

  private static ObjectNode list(List<ObjectNode> objects) {
    ObjectNode list = Mappers.json().createObjectNode().put("apiVersion", "v1").put("kind", "List");
    ArrayNode items = list.putArray("items");
    objects.forEach(items::add);
    return list;
  }

  /** One YAML document per object, as kubectl apply -f reads a stream of them. */
  private static String yaml(List<ObjectNode> objects) {
    StringBuilder s = new StringBuilder();
    for (ObjectNode o : objects) {
      String doc = TranslationDocument.toYaml(o);
      s.append(doc.startsWith("---") ? doc : "---\n" + doc);
    }
    return s.toString();
  }
}
