package dev.tollgate.cli;

import dev.tollgate.bootstrap.XdsToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.ProtoJson;
import dev.tollgate.translator.validate.XdsValidator;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.extensions.filters.http.credential_injector.v3.CredentialInjector;
import io.envoyproxy.envoy.extensions.http.injected_credentials.generic.v3.Generic;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void bootstrap_ipv6XdsAddress_isWrittenWithoutBrackets() throws Exception {
    Bootstrap b = parse(CliRun.of("bootstrap", "--gateway", "default/eg", "--xds-address", "[::1]:18000"));
    var cluster = b.getStaticResources().getClusters(0);
    var address = cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress().getSocketAddress();
    assertThat(address.getAddress()).isEqualTo("::1");
    assertThat(address.getPortValue()).isEqualTo(18000);
    assertThat(cluster.getType()).as("an address, nothing to resolve").isEqualTo(Cluster.DiscoveryType.STATIC);
  }

  @Test
  void bootstrap_hostNameXdsAddress_isResolvedByTheProxy() throws Exception {
    Bootstrap b = parse(CliRun.of("bootstrap", "--gateway", "default/eg", "--xds-address", "tollgate.tollgate-system.svc:18000"));
    assertThat(b.getStaticResources().getClusters(0).getType()).isEqualTo(Cluster.DiscoveryType.STRICT_DNS);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1       | has no port",
      "host:notaport   | has a port that is not a number",
      "127.0.0.1:70000 | has port 70000, not between 1 and 65535",
      "127.0.0.1:0     | has port 0, not between 1 and 65535",
      "::1:18000       | has an IPv6 address without brackets"})
  void bootstrap_badXdsAddress_isAOneLineUsageErrorNamingOptionValueAndForms(String value, String problem) {
    CliRun run = CliRun.of("bootstrap", "--gateway", "default/eg", "--xds-address", value);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("tollgate bootstrap: Invalid value for option '--xds-address': '" + value + "' " + problem
        + "; expected HOST:PORT, [IPv6]:PORT or unix:/path" + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void bootstrap_unknownOutputFormat_isAUsageErrorListingTheValidOnes() {
    CliRun run = CliRun.of("bootstrap", "--gateway", "default/eg", "-o", "xml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("tollgate bootstrap: ").contains("'--output'", "xml", "yaml, json");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void bootstrap_json_printsTheSameBootstrap() throws Exception {
    CliRun json = CliRun.of("bootstrap", "--gateway", "default/eg", "-o", "json");
    assertThat(json.out()).startsWith("{");
    assertThat(Mappers.json().readTree(json.out())).isEqualTo(Mappers.yaml().readTree(CliRun.of("bootstrap", "--gateway", "default/eg").out()));
  }

  @Test
  void bootstrap_withXdsToken_injectsTheProjectedTokenIntoEveryRequestOfTheXdsCluster() throws Exception {
    Bootstrap b = parse(CliRun.of("bootstrap", "--gateway", "default/eg", "--xds-token"));
    assertThat(b.getStaticResources().getSecretsList()).as("no static secret: it would be read once").isEmpty();
    HttpProtocolOptions options = b.getStaticResources().getClusters(0).getTypedExtensionProtocolOptionsOrThrow(
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions").unpack(HttpProtocolOptions.class);
    assertThat(options.getExplicitHttpConfig().hasHttp2ProtocolOptions()).isTrue();
    assertThat(options.getHttpFiltersList()).extracting(f -> f.getName())
        .containsExactly("envoy.filters.http.credential_injector", "envoy.filters.http.upstream_codec");
    CredentialInjector injector = options.getHttpFilters(0).getTypedConfig().unpack(CredentialInjector.class);
    assertThat(injector.getOverwrite()).isTrue();
    Generic generic = injector.getCredential().getTypedConfig().unpack(Generic.class);
    assertThat(generic.getCredential().getName()).isEqualTo(XdsToken.SECRET);
    assertThat(generic.getHeader()).as("Authorization, the default").isEmpty();
    // From a file, reloaded on every move in the token's directory: the kubelet's rotation of the token.
    var source = generic.getCredential().getSdsConfig().getPathConfigSource();
    assertThat(source.getPath()).isEqualTo("/var/run/secrets/tokens/tollgate-xds-sds.yaml");
    assertThat(source.getWatchedDirectory().getPath()).isEqualTo("/var/run/secrets/tokens");
  }

  @Test
  void bootstrap_printTokenSds_printsTheSecretNamingTheTokenFile_andNeedsAToken() throws Exception {
    CliRun run = CliRun.of("bootstrap", "--gateway", "default/eg", "--xds-token", "/run/tokens/xds", "--print-token-sds",
        "-o", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    var response = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(run.out());
    assertThat(response.has("@type")).isFalse();
    assertThat(response.path("resources").get(0).path("@type").asText())
        .isEqualTo("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret");
    assertThat(response.path("resources").get(0).path("name").asText()).isEqualTo(XdsToken.SECRET);
    assertThat(response.path("resources").get(0).path("generic_secret").path("secret").path("filename").asText())
        .isEqualTo("/run/tokens/xds");
    Bootstrap b = parse(CliRun.of("bootstrap", "--gateway", "default/eg", "--xds-token", "/run/tokens/xds",
        "--xds-token-sds", "/etc/envoy/token-sds.yaml"));
    HttpProtocolOptions options = b.getStaticResources().getClusters(0).getTypedExtensionProtocolOptionsOrThrow(
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions").unpack(HttpProtocolOptions.class);
    Generic generic = options.getHttpFilters(0).getTypedConfig().unpack(CredentialInjector.class).getCredential()
        .getTypedConfig().unpack(Generic.class);
    assertThat(generic.getCredential().getSdsConfig().getPathConfigSource().getPath()).isEqualTo("/etc/envoy/token-sds.yaml");
    assertThat(generic.getCredential().getSdsConfig().getPathConfigSource().getWatchedDirectory().getPath()).isEqualTo("/run/tokens");

    CliRun without = CliRun.of("bootstrap", "--gateway", "default/eg", "--print-token-sds");
    assertThat(without.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(without.err()).contains("--print-token-sds needs --xds-token");
  }

  @Test
  void bootstrap_withXdsTokenFile_readsThatFile_andWithoutIt_sendsNoCredential() throws Exception {
    Bootstrap b = parse(CliRun.of("bootstrap", "--gateway", "default/eg", "--xds-token", "/run/tokens/xds"));
    assertThat(b.getStaticResources().getClusters(0).getTypedExtensionProtocolOptionsOrThrow(
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions").unpack(HttpProtocolOptions.class).getHttpFiltersList())
        .hasSize(2);
    assertThat(XdsToken.secretConfig("/run/tokens/xds", null).getSdsConfig().getPathConfigSource().getPath())
        .isEqualTo("/run/tokens/xds-sds.yaml");
    Bootstrap plain = parse(CliRun.of("bootstrap", "--gateway", "default/eg"));
    assertThat(plain.getStaticResources().getSecretsList()).isEmpty();
    assertThat(plain.getStaticResources().getClusters(0).getTypedExtensionProtocolOptionsOrThrow(
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions").unpack(HttpProtocolOptions.class).getHttpFiltersList()).isEmpty();
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }
}
