package dev.tollgate.cli;

import dev.tollgate.app.NetworkAddress;
import dev.tollgate.translator.input.ReadLimits;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.Micronaut;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tollgate serve}: the control plane, serving each Gateway's configuration to its proxies over ADS. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves each Gateway's Envoy configuration to its proxies over ADS.",
      "Watches manifest files and directories, translates them whenever they change, and serves each "
          + "Gateway's configuration (state of the world and delta) to the proxies whose node cluster names "
          + "it (namespace/name). Admin endpoints: /health, /metrics, /config_dump, /statuses."
    },
    exitCodeListHeading = "%nExit codes (it runs until stopped with SIGTERM or Ctrl-C):%n",
    exitCodeList = {
      "1:internal error",
      "2:invalid command line, or a setting that cannot be used (from flags, environment or --config)",
      "3:a resources path, the extension config, the --config file, the kubeconfig or a TLS file does not exist or cannot be read"
    })
final class ServeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--resources", paramLabel = "PATH", description = "A manifest file or directory to watch. Repeatable.")
  List<String> resources;

  @Option(names = "--provider", paramLabel = "PROVIDER",
      description = "Where inputs come from: kubernetes (the cluster's objects, through informers) or file (--resources); "
          + "default: kubernetes inside a pod, file elsewhere.")
  String provider;

  @Option(names = "--namespace", paramLabel = "NAMESPACE", description = "With --provider kubernetes: a namespace to watch. Repeatable; every namespace when none is given.")
  List<String> namespaces;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "With --provider kubernetes: the kubeconfig to connect with (default: in-cluster, KUBECONFIG or ~/.kube/config).")
  String kubeconfig;

  @Option(names = "--least-privilege", negatable = true,
      description = "With --provider kubernetes: read only the Secrets and ConfigMaps that are referenced, each by name, "
          + "instead of listing all of them (off by default).")
  Boolean leastPrivilege;

  @Option(names = "--xds-address", paramLabel = "HOST:PORT", converter = AddressConverters.Listening.class,
      description = "Where ADS is served: HOST:PORT, [IPv6]:PORT or unix:/path (default: 127.0.0.1:18000).")
  NetworkAddress xdsAddress;

  @Option(names = "--admin-address", paramLabel = "HOST:PORT", converter = AddressConverters.ListeningTcp.class,
      description = "Where the admin endpoints are served: HOST:PORT or [IPv6]:PORT (default: 127.0.0.1:19000).")
  NetworkAddress.Tcp adminAddress;

  @Option(names = "--controller-name", paramLabel = "NAME", description = "GatewayClasses with this controllerName are served.")
  String controllerName;

  @Option(names = "--enable-backend", negatable = true, description = "Allow Envoy Gateway's Backend kind (off by default, as enableBackend).")
  Boolean enableBackend;

  @Option(names = "--enable-envoy-patch-policy", negatable = true, description = "Apply EnvoyPatchPolicies (off by default).")
  Boolean enableEnvoyPatchPolicy;

  @Option(names = "--extension-config", paramLabel = "FILE",
      description = "Call an extension server's hooks, configured as Envoy Gateway's extensionManager "
          + "(an EnvoyGateway file, Envoy Gateway's ConfigMap holding one, or the extensionManager mapping alone).")
  String extensionConfig;

  @Option(names = "--xds-tls-certificate", paramLabel = "FILE", description = "Serve ADS over TLS with this certificate chain (PEM).")
  String tlsCertificate;

  @Option(names = "--xds-tls-key", paramLabel = "FILE", description = "The certificate's private key (PEM).")
  String tlsKey;

  @Option(names = "--xds-tls-client-ca", paramLabel = "FILE", description = "Require client certificates signed by this CA (mutual TLS).")
  String tlsClientCa;

  @Option(names = "--max-file-size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "The largest manifest file read, such as 32Mi (the default) or 64Mi; a larger one is refused "
          + "and its last readable contents stay in use.")
  String maxFileSize;

  @Option(names = "--max-document-size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "The largest YAML document (one object) read (default: 3Mi, the Kubernetes API server's limit).")
  String maxDocumentSize;

  @Option(names = "--config", paramLabel = "FILE", description = "A YAML file of settings (tollgate.*, micronaut.*); flags and TOLLGATE_* environment variables win over it.")
  String config;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    String missing = unreadableResource();
    if (missing != null) {
      // Refused rather than watched: a mistyped path would be served as no Gateways at all, and look ready.
      err.println("tollgate: --resources " + missing);
      return ExitCodes.UNREADABLE_INPUT;
    }
    PropertySource[] sources;
    Map<String, Object> properties = properties();
    try {
      sources = config == null ? new PropertySource[0] : new PropertySource[] {ServeSettingsCheck.configFile(config)};
      // Settings resolve from flags, environment variables, the --config file and the defaults: all are
      // checked before anything starts, so a mistake is one line rather than a failed start.
      Environment settings = Micronaut.build(new String[0]).banner(false).mainClass(ServeCommand.class)
          .properties(properties).propertySources(sources).build().getEnvironment();
      settings.start();
      try {
        ServeSettingsCheck.check(settings);
      } finally {
        settings.stop();
      }
    } catch (ServeSettingsCheck.RefusedException e) {
      err.println("tollgate: " + e.getMessage());
      return e.exitCode();
    }
    ApplicationContext context = Micronaut.build(new String[0]).banner(false).mainClass(ServeCommand.class)
        .properties(properties).propertySources(sources).start();
    err.println("tollgate: serving; stop with Ctrl-C");
    err.flush();
    // Micronaut stops the context on SIGTERM/SIGINT through its own shutdown hook.
    while (context.isRunning()) {
      Thread.sleep(500);
    }
    return ExitCodes.OK;
  }

  /** The first --resources path that does not exist or cannot be read, with what is wrong; null when all can be read. */
  private String unreadableResource() {
    for (String resource : resources == null ? List.<String>of() : resources) {
      Path path = Path.of(resource);
      if (!Files.exists(path)) {
        return resource + ": does not exist";
      }
      if (!Files.isReadable(path)) {
        return resource + ": cannot be read";
      }
    }
    return null;
  }

  /** The flags that were given, as configuration properties (they win over files and environment). */
  Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (resources != null) {
      p.put("tollgate.resources", resources);
    }
    putIfSet(p, "tollgate.provider", provider);
    if (namespaces != null) {
      p.put("tollgate.namespaces", namespaces);
    }
    putIfSet(p, "tollgate.kubeconfig", kubeconfig);
    putIfSet(p, "tollgate.least-privilege", leastPrivilege);
    putIfSet(p, "tollgate.xds-address", xdsAddress == null ? null : xdsAddress.toString());
    putIfSet(p, "tollgate.controller-name", controllerName);
    putIfSet(p, "tollgate.enable-backend", enableBackend);
    putIfSet(p, "tollgate.enable-envoy-patch-policy", enableEnvoyPatchPolicy);
    putIfSet(p, "tollgate.extension-config", extensionConfig);
    putIfSet(p, "tollgate.xds-tls.certificate", tlsCertificate);
    putIfSet(p, "tollgate.xds-tls.key", tlsKey);
    putIfSet(p, "tollgate.xds-tls.client-ca", tlsClientCa);
    putIfSet(p, "tollgate.max-file-size", maxFileSize);
    putIfSet(p, "tollgate.max-document-size", maxDocumentSize);
    if (adminAddress != null) {
      p.put("micronaut.server.host", adminAddress.host());
      p.put("micronaut.server.port", adminAddress.port());
    }
    return p;
  }

  /** A size such as {@code 32Mi}, checked as {@link ReadLimits#parseSize} reads it and kept as written. */
  static final class SizeConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        ReadLimits.parseSize(value);
        return value;
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  private static void putIfSet(Map<String, Object> p, String key, Object value) {
    if (value != null) {
      p.put(key, value);
    }
  }
}
