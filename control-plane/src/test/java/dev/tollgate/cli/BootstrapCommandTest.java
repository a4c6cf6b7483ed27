package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.ProtoJson;
import dev.tollgate.translator.validate.XdsValidator;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import org.junit.jupiter.api.Test;

class BootstrapCommandTest {

  private static Bootstrap parse(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Bootstrap b = ProtoJson.parse(Mappers.yaml().readTree(run.out()), Bootstrap.newBuilder()).build();
    assertThat(new XdsValidator().validateMessage("bootstrap", b)).as("Envoy's own rules").isEmpty();
    return b;
  }

  @Test
  void bootstrap_namesTheGatewayInTheNode_andFetchesEverythingOverAdsFromTollgate() throws Exception {
    Bootstrap b = parse(CliRun.of("bootstrap", "--gateway", "default/eg"));
    assertThat(b.getNode().getCluster()).isEqualTo("default/eg");
    assertThat(b.getDynamicResources().getAdsConfig().getApiType()).isEqualTo(ApiConfigSource.ApiType.GRPC);
    assertThat(b.getDynamicResources().getLdsConfig().hasAds()).isTrue();
    assertThat(b.getDynamicResources().getCdsConfig().hasAds()).isTrue();
    var address = b.getStaticResources().getClusters(0).getLoadAssignment().getEndpoints(0).getLbEndpoints(0)
        .getEndpoint().getAddress().getSocketAddress();
    assertThat(address.getAddress() + ":" + address.getPortValue()).isEqualTo("127.0.0.1:18000");
    assertThat(b.getAdmin().getAddress().getSocketAddress().getAddress()).as("admin on loopback only").isEqualTo("127.0.0.1");
    assertThat(run("bootstrap", "--gateway", "default/eg").out()).doesNotContain("@type: type.googleapis.com/envoy.config.bootstrap");
  }

  @Test
  void bootstrap_deltaOverAUnixSocketWithMutualTls() throws Exception {
    Bootstrap b = parse(CliRun.of("bootstrap", "--gateway", "edge/public", "--delta", "--xds-address", "unix:/run/tollgate/xds.sock",
        "--xds-tls-ca", "/etc/tollgate/ca.crt", "--xds-tls-certificate", "/etc/envoy/tls.crt", "--xds-tls-key", "/etc/envoy/tls.key"));
    assertThat(b.getDynamicResources().getAdsConfig().getApiType()).isEqualTo(ApiConfigSource.ApiType.DELTA_GRPC);
    var cluster = b.getStaticResources().getClusters(0);
    assertThat(cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress().getPipe().getPath())
        .isEqualTo("/run/tollgate/xds.sock");
    UpstreamTlsContext tls = cluster.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);
    assertThat(tls.getCommonTlsContext().getValidationContext().getTrustedCa().getFilename()).isEqualTo("/etc/tollgate/ca.crt");
    assertThat(tls.getCommonTlsContext().getTlsCertificates(0).getPrivateKey().getFilename()).isEqualTo("/etc/envoy/tls.key");
  }

  @Test
  void bootstrap_rejectsAGatewayThatIsNotNamespaceSlashName() {
    CliRun run = CliRun.of("bootstrap", "--gateway", "eg");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("NAMESPACE/NAME");
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }
}
