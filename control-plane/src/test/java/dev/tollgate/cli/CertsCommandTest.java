package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  @TempDir Path dir;

  private static X509Certificate read(Path file) throws Exception {
    try (var in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static List<List<?>> sans(X509Certificate certificate) throws Exception {
    return List.copyOf(certificate.getSubjectAlternativeNames());
  }

  private Path ca() {
    CliRun run = CliRun.of("certs", "ca", "--out", dir.resolve("ca").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return dir.resolve("ca");
  }

  private static long days(X509Certificate certificate) {
    return Duration.between(Instant.now(), certificate.getNotAfter().toInstant()).toDays();
  }

  @Test
  void ca_writesASelfSignedCa_withAKeyOnlyItsOwnerReads_andPrintsNoKey() throws Exception {
    CliRun run = CliRun.of("certs", "ca", "--out", dir.resolve("ca").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(dir.resolve("ca/ca.crt").toString()).doesNotContain("PRIVATE KEY").doesNotContain("BEGIN");
    X509Certificate ca = read(dir.resolve("ca/ca.crt"));
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isZero();
    assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(days(ca)).isBetween(3648L, 3650L);
    assertThat(Files.readString(dir.resolve("ca/ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca/ca.key")))).isEqualTo("rw-------");
  }

  @Test
  void server_isSignedByTheCa_forItsNamesAndAddresses_withServerAuth() throws Exception {
    Path ca = ca();
    CliRun run = CliRun.of("certs", "server", "--ca", ca.toString(), "--dns", "tollgate.example", "localhost",
        "--ip", "127.0.0.1", "--ip", "::1", "--out", dir.resolve("server").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    X509Certificate server = read(dir.resolve("server/server.crt"));
    server.verify(read(ca.resolve("ca.crt")).getPublicKey());
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(sans(server)).containsExactly(List.of(2, "tollgate.example"), List.of(2, "localhost"),
        List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(days(server)).isBetween(363L, 365L);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("server/server.key")))).isEqualTo("rw-------");
  }

  @Test
  void proxy_namesItsGatewayInItsOnlyUriSan_withClientAuth() throws Exception {
    Path ca = ca();
    CliRun run = CliRun.of("certs", "proxy", "--ca", ca.toString(), "--gateway", "team-x/edge", "--days", "30",
        "--out", dir.resolve("proxy").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("PRIVATE KEY");
    X509Certificate proxy = read(dir.resolve("proxy/proxy.crt"));
    proxy.verify(read(ca.resolve("ca.crt")).getPublicKey());
    assertThat(proxy.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(sans(proxy)).containsExactly(List.of(6, "spiffe://tollgate.dev/ns/team-x/gateway/edge"));
    assertThat(days(proxy)).isBetween(28L, 30L);
  }

  @Test
  void existingFiles_areNotReplaced_withoutForce() throws Exception {
    Path ca = ca();
    String before = Files.readString(ca.resolve("ca.crt"));
    CliRun again = CliRun.of("certs", "ca", "--out", ca.toString());
    assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).isEqualTo("tollgate certs ca: " + ca.resolve("ca.crt") + ": already exists (--force replaces it)"
        + System.lineSeparator());
    assertThat(Files.readString(ca.resolve("ca.crt"))).isEqualTo(before);
    CliRun forced = CliRun.of("certs", "ca", "--out", ca.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(ca.resolve("ca.crt"))).isNotEqualTo(before);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca.key")))).isEqualTo("rw-------");
  }

  @Test
  void usageErrors_nameTheFlag_andWriteNothing() throws Exception {
    Path ca = ca();
    Path out = dir.resolve("out");
    assertUsage(CliRun.of("certs", "proxy", "--ca", ca.toString(), "--gateway", "a", "--out", out.toString()),
        "tollgate certs proxy: --gateway must be NAMESPACE/NAME, not a");
    assertUsage(CliRun.of("certs", "server", "--ca", ca.toString(), "--out", out.toString()),
        "tollgate certs server: give the names proxies connect to: --dns NAME or --ip ADDR");
    assertUsage(CliRun.of("certs", "server", "--ca", ca.toString(), "--ip", "localhost", "--out", out.toString()),
        "tollgate certs server: --ip: \"localhost\" is not an IPv4 or IPv6 address");
    assertUsage(CliRun.of("certs", "proxy", "--ca", ca.toString(), "--gateway", "default/a", "--days", "4000",
        "--out", out.toString()), "tollgate certs proxy: --days 4000: the certificate would outlive the CA, which expires ");
    assertUsage(CliRun.of("certs", "ca", "--days", "0", "--out", out.toString()), "tollgate certs ca: --days must be at least 1, not 0");
    assertThat(out).doesNotExist();
  }

  private static void assertUsage(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith(message).hasLineCount(1);
  }

  @Test
  void aMissingCa_isUnreadableInput_namingTheFile() {
    Path missing = dir.resolve("no-ca");
    CliRun run = CliRun.of("certs", "proxy", "--ca", missing.toString(), "--gateway", "default/a", "--out", dir.resolve("p").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(run.err()).startsWith("tollgate certs proxy: --ca " + missing + ": " + missing.resolve("ca.crt") + ": does not exist")
        .hasLineCount(1);
  }

  @Test
  void aCaKeyThatIsNotTheCertificates_isRefused() throws Exception {
    Path ca = ca();
    CliRun other = CliRun.of("certs", "ca", "--out", dir.resolve("other").toString());
    assertThat(other.exitCode()).isZero();
    Files.copy(dir.resolve("other/ca.key"), ca.resolve("ca.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliRun run = CliRun.of("certs", "proxy", "--ca", ca.toString(), "--gateway", "default/a", "--out", dir.resolve("p").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    assertThat(run.err()).contains(ca.resolve("ca.key") + ": is not the key of " + ca.resolve("ca.crt"))
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void bootstrap_withTheIssuedFiles_validates() throws Exception {
    Path ca = ca();
    CliRun proxy = CliRun.of("certs", "proxy", "--ca", ca.toString(), "--gateway", "default/a", "--out", dir.resolve("a").toString());
    assertThat(proxy.exitCode()).as(proxy.err()).isZero();
    CliRun run = CliRun.of("bootstrap", "--gateway", "default/a", "--xds-address", "tollgate.example:18000",
        "--xds-tls-ca", ca.resolve("ca.crt").toString(), "--xds-tls-certificate", dir.resolve("a/proxy.crt").toString(),
        "--xds-tls-key", dir.resolve("a/proxy.key").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(ca.resolve("ca.crt").toString(), dir.resolve("a/proxy.crt").toString(),
        dir.resolve("a/proxy.key").toString()).contains("cluster: default/a");
  }
}
