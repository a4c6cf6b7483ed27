package dev.tollgate.cli;

import dev.tollgate.certs.CertificateIssuer;
import dev.tollgate.certs.GatewayId;
import dev.tollgate.certs.Issued;
import dev.tollgate.certs.PemFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tollgate certs}: the certificates of mutual TLS on the xDS port, where proxies prove
 * their Gateway with their certificate ({@code tollgate.proxy-auth=client-certificate}).
 */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    description = {
      "Issues the certificates of mutual TLS with the proxies.",
      "A CA, Tollgate's server certificate, and a client certificate per Gateway whose URI SAN "
          + GatewayId.PREFIX + "ns/NAMESPACE/gateway/NAME names the Gateway. ECDSA P-256; keys are "
          + "written with mode 0600 and never printed."
    },
    subcommands = {CertsCommand.Ca.class, CertsCommand.Server.class, CertsCommand.Proxy.class})
final class CertsCommand implements Runnable {

  static final String EXIT_CODES_HEADING = "%nExit codes:%n";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** What every certs subcommand shares: where files go, whether they replace others, how long they last. */
  abstract static class Issuing implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--force", description = "Replace files that already exist.")
    boolean force;

    @Option(names = "--days", paramLabel = "N", description = "Days the certificate is valid (default: ${DEFAULT-VALUE}).")
    int days = defaultDays();

    abstract int defaultDays();

    /** The file names written, certificate then key. */
    abstract String baseName();

    abstract Issued issue(Instant now) throws CertsException;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        if (days < 1) {
          throw new CertsException("--days must be at least 1, not " + days, ExitCodes.USAGE);
        }
        Issued issued = issue(Instant.now());
        Path certificate = out.resolve(baseName() + ".crt");
        Path key = out.resolve(baseName() + ".key");
        try {
          Files.createDirectories(out);
        } catch (IOException e) {
          throw new CertsException("--out " + out + ": cannot be created: " + e, ExitCodes.UNREADABLE_INPUT);
        }
        try {
          PemFiles.write(issued, certificate, key, force);
        } catch (PemFiles.FileException e) {
          throw new CertsException(e.getMessage(), e.exists()
              ? ExitCodes.USAGE : ExitCodes.UNREADABLE_INPUT);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + certificate + " (" + issued.certificate().getSubjectX500Principal().getName() + ", serial "
            + issued.certificate().getSerialNumber().toString(16) + ", valid until "
            + issued.certificate().getNotAfter().toInstant() + ") and its key " + key);
        stdout.flush();
        return ExitCodes.OK;
      } catch (CertsException e) {
        err.println("tollgate certs " + spec.name() + ": " + e.getMessage());
        return e.exitCode;
      }
    }

    Duration validity() {
      return Duration.ofDays(days);
    }

    /** The CA of {@code --ca DIR}; a leaf must not outlive it, or proxies would refuse it before it expires. */
    Issued ca(Path dir, Instant now) throws CertsException {
      Issued ca;
      try {
        ca = PemFiles.readCa(dir.resolve("ca.crt"), dir.resolve("ca.key"));
      } catch (PemFiles.FileException e) {
        throw new CertsException("--ca " + dir + ": " + e.getMessage(), ExitCodes.UNREADABLE_INPUT);
      }
      Instant caExpiry = ca.certificate().getNotAfter().toInstant();
      if (now.plus(validity()).isAfter(caExpiry)) {
        throw new CertsException("--days " + days + ": the certificate would outlive the CA, which expires " + caExpiry,
            ExitCodes.USAGE);
      }
      return ca;
    }
  }

  @Command(name = "ca", mixinStandardHelpOptions = true, exitCodeListHeading = EXIT_CODES_HEADING, exitCodeList = {
      "0:the files were written", "1:internal error",
      "2:invalid command line, or a file to write exists (without --force)",
      "3:the CA could not be read, or a file could not be written"},
      description = {"Writes a new self-signed CA: ca.crt and ca.key.",
          "Give ca.crt to serve as --xds-tls-client-ca and to bootstrap as --xds-tls-ca; keep ca.key secret."})
  static final class Ca extends Issuing {
    @Option(names = "--name", paramLabel = "NAME", description = "The CA's common name (default: ${DEFAULT-VALUE}).")
    String name = "Tollgate xDS CA";

    @Override
    int defaultDays() {
      return (int) CertificateIssuer.CA_VALIDITY.toDays();
    }

    @Override
    String baseName() {
      return "ca";
    }

    @Override
    Issued issue(Instant now) {
      return CertificateIssuer.ca(name, now, validity());
    }
  }

  /** A certificate the CA signs: a year by default. */
  abstract static class Leaf extends Issuing {
    @Option(names = "--ca", required = true, paramLabel = "DIR", description = "The directory of ca.crt and ca.key.")
    Path caDir;

    @Override
    int defaultDays() {
      return (int) CertificateIssuer.LEAF_VALIDITY.toDays();
    }
  }

  @Command(name = "server", mixinStandardHelpOptions = true, exitCodeListHeading = EXIT_CODES_HEADING, exitCodeList = {
      "0:the files were written", "1:internal error",
      "2:invalid command line, or a file to write exists (without --force)",
      "3:the CA could not be read, or a file could not be written"},
      description = {"Writes Tollgate's xDS server certificate, signed by the CA: server.crt and server.key.",
          "Give them to serve as --xds-tls-certificate and --xds-tls-key."})
  static final class Server extends Leaf {
    @Option(names = "--dns", paramLabel = "NAME", arity = "1..*", description = "Host names proxies connect to.")
    List<String> dnsNames = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "ADDR", arity = "1..*", description = "IP addresses proxies connect to.")
    List<String> ips = new ArrayList<>();

    @Override
    String baseName() {
      return "server";
    }

    @Override
    Issued issue(Instant now) throws CertsException {
      if (dnsNames.isEmpty() && ips.isEmpty()) {
        throw new CertsException("give the names proxies connect to: --dns NAME or --ip ADDR", ExitCodes.USAGE);
      }
      for (String dns : dnsNames) {
        if (!dns.matches("(\\*\\.)?[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*")) {
          throw new CertsException("--dns: \"" + dns + "\" is not a host name", ExitCodes.USAGE);
        }
      }
      List<InetAddress> addresses = new ArrayList<>();
      for (String ip : ips) {
        addresses.add(address(ip));
      }
      return CertificateIssuer.server(ca(caDir, now), dnsNames, addresses, now, validity());
    }

    /** An IP literal only: a host name here would be looked up, and belongs in --dns. */
    private static InetAddress address(String ip) throws CertsException {
      boolean literal = ip.contains(":") ? ip.matches("[0-9A-Fa-f:.]+") : ip.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      try {
        if (literal) {
          return InetAddress.getByName(ip);
        }
      } catch (UnknownHostException e) {
        // falls through to the usage error
      }
      throw new CertsException("--ip: \"" + ip + "\" is not an IPv4 or IPv6 address", ExitCodes.USAGE);
    }
  }

  @Command(name = "proxy", mixinStandardHelpOptions = true, exitCodeListHeading = EXIT_CODES_HEADING, exitCodeList = {
      "0:the files were written", "1:internal error",
      "2:invalid command line, or a file to write exists (without --force)",
      "3:the CA could not be read, or a file could not be written"},
      description = {"Writes a proxy's client certificate for one Gateway, signed by the CA: proxy.crt and proxy.key.",
          "Its only URI SAN names the Gateway; give them to bootstrap as --xds-tls-certificate and --xds-tls-key."})
  static final class Proxy extends Leaf {
    @Option(names = "--gateway", required = true, paramLabel = "NAMESPACE/NAME", description = "The Gateway the proxy serves.")
    String gateway;

    @Override
    String baseName() {
      return "proxy";
    }

    @Override
    Issued issue(Instant now) throws CertsException {
      if (!GatewayId.isGateway(gateway)) {
        throw new CertsException("--gateway must be NAMESPACE/NAME, not " + gateway, ExitCodes.USAGE);
      }
      return CertificateIssuer.proxy(ca(caDir, now), gateway, now, validity());
    }
  }

  /** Why nothing was written, and the exit code that says so. */
  static final class CertsException extends Exception {
    final int exitCode;

    CertsException(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }
  }
}
