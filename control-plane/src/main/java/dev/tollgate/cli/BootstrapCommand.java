package dev.tollgate.cli;

import com.google.protobuf.Message;
import dev.tollgate.app.NetworkAddress;
import dev.tollgate.bootstrap.ProxyBootstrap;
import dev.tollgate.bootstrap.XdsToken;
import dev.tollgate.translator.output.ProtoJson;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.XdsValidator;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tollgate bootstrap}: an Envoy bootstrap that fetches one Gateway's configuration from Tollgate. */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description = {
      "Prints an Envoy bootstrap for a proxy of one Gateway.",
      "Its node names the Gateway, listeners and clusters come over ADS from Tollgate, and Envoy's "
          + "admin interface listens on loopback only.",
      "  envoy -c <(tollgate bootstrap --gateway default/eg)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the bootstrap was printed",
      "1:internal error",
      "2:invalid command line",
      "4:the bootstrap would break Envoy's rules"
    })
final class BootstrapCommand implements Callable<Integer> {

  static final String XDS_CLUSTER = ProxyBootstrap.XDS_CLUSTER;
  static final String DEFAULT_TOKEN_FILE = ProxyBootstrap.DEFAULT_TOKEN_FILE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--gateway", required = true, paramLabel = "NAMESPACE/NAME", description = "The Gateway this proxy serves.")
  String gateway;

  @Option(names = "--xds-address", defaultValue = "127.0.0.1:18000", paramLabel = "HOST:PORT",
      converter = AddressConverters.Connecting.class,
      description = "Where Tollgate serves ADS: HOST:PORT, [IPv6]:PORT or unix:/path (default: ${DEFAULT-VALUE}).")
  NetworkAddress xdsAddress;

  @Option(names = "--node-id", paramLabel = "ID", description = "The proxy's node id (default: the Gateway's name with -envoy).")
  String nodeId;

  @Option(names = "--admin-port", defaultValue = "19001", description = "Envoy's admin port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(names = "--delta", description = "Use incremental (delta) xDS instead of state of the world.")
  boolean delta;

  @Option(names = "--xds-tls-ca", paramLabel = "FILE", description = "Verify Tollgate's certificate against this CA (enables TLS).")
  String tlsCa;

  @Option(names = "--xds-tls-certificate", paramLabel = "FILE", description = "Client certificate for mutual TLS; with tollgate.proxy-auth=client-certificate, one of "
      + "tollgate certs proxy naming this Gateway.")
  String tlsCertificate;

  @Option(names = "--xds-tls-key", paramLabel = "FILE", description = "The client certificate's private key.")
  String tlsKey;

  @Option(names = "--xds-token", arity = "0..1", fallbackValue = DEFAULT_TOKEN_FILE, paramLabel = "FILE",
      description = "Send this projected ServiceAccount token (audience tollgate.dev/xds by default) to Tollgate, which "
          + "serves only the Gateway of the token's pod (tollgate.proxy-auth=kubernetes-token). FILE defaults to "
          + DEFAULT_TOKEN_FILE + ".")
  String tokenFile;

  @Option(names = "--xds-token-sds", paramLabel = "FILE",
      description = "Where Envoy finds the token's secret (print it with --print-token-sds; default: the token's FILE "
          + "with -sds.yaml). Envoy reloads it, and so the token, whenever the token's directory changes: a "
          + "projected token is rotated by the kubelet, and a reconnecting proxy presents the current one.")
  String tokenSdsFile;

  @Option(names = "--print-token-sds",
      description = "Print the token's secret (a discovery response naming the token FILE) instead of the bootstrap: "
          + "the file --xds-token-sds names, for a ConfigMap projected beside the token.")
  boolean printTokenSds;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!gateway.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
      err.println("tollgate: --gateway must be NAMESPACE/NAME, not " + gateway);
      return ExitCodes.USAGE;
    }
    if ((printTokenSds || tokenSdsFile != null) && tokenFile == null) {
      err.println("tollgate: " + (printTokenSds ? "--print-token-sds" : "--xds-token-sds") + " needs --xds-token");
      return ExitCodes.USAGE;
    }
    Message printed = printTokenSds ? XdsToken.discoveryResponse(tokenFile) : bootstrap();
    List<Violation> violations = new XdsValidator().validateMessage(printTokenSds ? "token secret" : "bootstrap", printed);
    if (!violations.isEmpty()) {
      violations.forEach(v -> err.println("tollgate: " + v));
      return ExitCodes.REJECTED;
    }
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ProtoJson.toTree(printed);
    tree.remove("@type"); // a bootstrap or SDS file is the message itself; Envoy rejects unknown fields in it
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.print(tree));
    out.flush();
    return ExitCodes.OK;
  }

  Bootstrap bootstrap() {
    return new ProxyBootstrap(gateway, xdsAddress, nodeId, adminPort, delta, tlsCa, tlsCertificate, tlsKey,
        tokenFile, tokenSdsFile, 0).build();
  }
}
