package dev.tollgate.cli;

import dev.tollgate.app.NetworkAddress;
import dev.tollgate.extension.config.ExtensionConfigException;
import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.kubernetes.leader.LeaderElectionProperties;
import dev.tollgate.serve.xds.auth.ProxyAuthMode;
import dev.tollgate.translator.input.ReadLimits;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code serve}'s settings, checked as they resolve from every source (flags, environment
 * variables, the {@code --config} file, the built-in defaults) before anything starts, so a
 * mistake is one line naming the setting and an exit code, never a failed start with a stack trace
 * or a daemon that serves nothing and looks ready.
 */
final class ServeSettingsCheck {

  /** Lower than environment variables (-200), higher than the built-in application.yml (-300). */
  static final int CONFIG_FILE_ORDER = -250;

  private static final Set<String> KNOWN = Set.of("resources", "xds-address", "controller-name", "enable-backend",
      "enable-envoy-patch-policy", "extension-config", "debounce", "removal-delay", "max-file-size",
      "max-document-size", "liveness-timeout", "xds-tls.certificate", "xds-tls.key", "xds-tls.client-ca",
      "xds-tls.reload-interval", "provider", "namespaces", "kubeconfig", "resync-interval", "leader-election.namespace",
      "leader-election.lease-name", "leader-election.lease-duration", "leader-election.renew-deadline",
      "leader-election.retry-period", "infrastructure.reconcile", "infrastructure.namespace",
      "infrastructure.resync-interval");
  /** The settings of proxy authentication ({@code dev.tollgate.serve.xds.auth.ProxyAuthSettings}). */
  private static final Set<String> PROXY_AUTH = Set.of("proxy-auth", "proxy-auth-audience", "proxy-auth-namespaces",
      "proxy-auth-cache-age");
  private static final List<String> DURATIONS = List.of("debounce", "removal-delay", "liveness-timeout", "xds-tls.reload-interval",
      "resync-interval", "leader-election.lease-duration", "leader-election.renew-deadline", "leader-election.retry-period",
      "infrastructure.resync-interval");
  private static final Set<String> PROVIDERS = Set.of("kubernetes", "file");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  private ServeSettingsCheck() {}

  /**
   * The settings of a {@code --config} file, as a property source under environment variables and
   * over the built-in defaults.
   *
   * @throws RefusedException when the file cannot be read, is not YAML, or names a setting serve does not have
   */
  static PropertySource configFile(String file) throws RefusedException {
    Path path = Path.of(file);
    Map<String, Object> settings;
    try (InputStream in = Files.newInputStream(path)) {
      settings = new YamlPropertySourceLoader().read(file, in);
    } catch (NoSuchFileException e) {
      throw new RefusedException("--config " + file + ": does not exist", ExitCodes.UNREADABLE_INPUT);
    } catch (IOException e) {
      throw new RefusedException("--config " + file + ": cannot be read: " + e.getMessage(), ExitCodes.UNREADABLE_INPUT);
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new RefusedException("--config " + file + ": not a YAML file of settings: " + message, ExitCodes.UNREADABLE_INPUT);
    }
    for (String key : settings.keySet()) {
      String normalized = CAMEL.matcher(key.replaceAll("\\[\\d+]", "")).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
      String name = normalized.startsWith("tollgate.") ? normalized.substring("tollgate.".length()) : null;
      if (name != null && !KNOWN.contains(name) && !PROXY_AUTH.contains(name)) {
        throw new RefusedException("--config " + file + ": " + key + " is not a setting of serve (settings: tollgate."
            + String.join(", tollgate.", Stream.concat(KNOWN.stream(), PROXY_AUTH.stream()).sorted().toList()) + ")", ExitCodes.USAGE);
      }
    }
    return PropertySource.of("--config " + file, settings, CONFIG_FILE_ORDER);
  }

  /**
   * Checks every setting serve reads.
   *
   * @throws RefusedException naming the first setting that cannot be used, and what is wrong with it
   */
  static void check(PropertyResolver settings) throws RefusedException {
    for (String resource : settings.getProperty("tollgate.resources", Argument.listOf(String.class)).orElse(List.of())) {
      Path path = Path.of(resource);
      if (!Files.exists(path)) {
        throw refused("tollgate.resources: " + resource + ": does not exist", ExitCodes.UNREADABLE_INPUT);
      }
      if (!Files.isReadable(path)) {
        throw refused("tollgate.resources: " + resource + ": cannot be read", ExitCodes.UNREADABLE_INPUT);
      }
    }
    Optional<String> provider = settings.get("tollgate.provider", String.class).filter(s -> !s.isEmpty());
    if (provider.isPresent() && !PROVIDERS.contains(provider.get())) {
      throw refused("tollgate.provider: \"" + provider.get() + "\" is neither kubernetes nor file", ExitCodes.USAGE);
    }
    Optional<String> kubeconfig = settings.get("tollgate.kubeconfig", String.class).filter(s -> !s.isEmpty());
    if (kubeconfig.isPresent() && !Files.isReadable(Path.of(kubeconfig.get()))) {
      throw refused("tollgate.kubeconfig: " + kubeconfig.get() + (Files.exists(Path.of(kubeconfig.get())) ? ": cannot be read"
          : ": does not exist"), ExitCodes.UNREADABLE_INPUT);
    }
    Optional<String> xds = settings.get("tollgate.xds-address", String.class);
    if (xds.isPresent()) {
      try {
        NetworkAddress.listening(xds.get());
      } catch (IllegalArgumentException e) {
        throw refused("tollgate.xds-address: " + e.getMessage(), ExitCodes.USAGE);
      }
    }
    for (String size : List.of("tollgate.max-file-size", "tollgate.max-document-size")) {
      Optional<String> value = settings.get(size, String.class);
      if (value.isPresent()) {
        try {
          ReadLimits.parseSize(value.get());
        } catch (IllegalArgumentException e) {
          throw refused(size + ": " + e.getMessage(), ExitCodes.USAGE);
        }
      }
    }
    for (String name : DURATIONS) {
      String key = "tollgate." + name;
      Optional<String> text = settings.get(key, String.class);
      if (text.isPresent()) {
        Optional<Duration> duration = settings.get(key, Duration.class);
        if (duration.isEmpty() || duration.get().isNegative() || duration.get().isZero()) {
          throw refused(key + ": \"" + text.get() + "\" is not a positive duration (examples: 100ms, 2s, 2m)", ExitCodes.USAGE);
        }
      }
    }
    for (String key : List.of("tollgate.enable-backend", "tollgate.enable-envoy-patch-policy", "tollgate.infrastructure.reconcile")) {
      Optional<String> text = settings.get(key, String.class);
      if (text.isPresent() && !Set.of("true", "false").contains(text.get().toLowerCase(Locale.ROOT))) {
        throw refused(key + ": \"" + text.get() + "\" is neither true nor false", ExitCodes.USAGE);
      }
    }
    Optional<String> extension = settings.get("tollgate.extension-config", String.class).filter(s -> !s.isEmpty());
    if (extension.isPresent()) {
      try {
        ExtensionConfigLoader.load(Path.of(extension.get()));
      } catch (ExtensionConfigException e) {
        throw refused(e.getMessage(), ExitCodes.UNREADABLE_INPUT);
      }
    }
    Optional<String> certificate = settings.get("tollgate.xds-tls.certificate", String.class).filter(s -> !s.isEmpty());
    Optional<String> key = settings.get("tollgate.xds-tls.key", String.class).filter(s -> !s.isEmpty());
    if (certificate.isPresent() != key.isPresent()) {
      throw refused(certificate.isPresent() ? "tollgate.xds-tls.certificate is set without tollgate.xds-tls.key (--xds-tls-key)"
          : "tollgate.xds-tls.key is set without tollgate.xds-tls.certificate (--xds-tls-certificate)", ExitCodes.USAGE);
    }
    for (String file : List.of("tollgate.xds-tls.certificate", "tollgate.xds-tls.key", "tollgate.xds-tls.client-ca")) {
      Optional<String> path = settings.get(file, String.class).filter(s -> !s.isEmpty());
      if (path.isPresent() && !Files.isReadable(Path.of(path.get()))) {
        throw refused(file + ": " + path.get() + (Files.exists(Path.of(path.get())) ? ": cannot be read" : ": does not exist"),
            ExitCodes.UNREADABLE_INPUT);
      }
    }
    checkLeaderElection(settings);
    checkProxyAuth(settings);
    Optional<String> port = settings.get("micronaut.server.port", String.class);
    if (port.isPresent() && !isPort(port.get())) {
      throw refused("micronaut.server.port: \"" + port.get() + "\" is not a port (0 to 65535, or -1 for any free one)", ExitCodes.USAGE);
    }
  }

  /** The durations client-go requires in this order: lease duration over renew deadline over retry period. */
  private static void checkLeaderElection(PropertyResolver settings) throws RefusedException {
    var defaults = new LeaderElectionProperties();
    var lease = settings.get("tollgate.leader-election.lease-duration", Duration.class).orElse(defaults.getLeaseDuration());
    var renew = settings.get("tollgate.leader-election.renew-deadline", Duration.class).orElse(defaults.getRenewDeadline());
    var retry = settings.get("tollgate.leader-election.retry-period", Duration.class).orElse(defaults.getRetryPeriod());
    if (lease.compareTo(renew) <= 0 || renew.compareTo(retry) <= 0) {
      throw refused("tollgate.leader-election: lease-duration (" + text(lease) + ") must exceed renew-deadline ("
          + text(renew) + "), which must exceed retry-period (" + text(retry) + ")", ExitCodes.USAGE);
    }
  }

  /** A duration as the settings write it: {@code 2s}, {@code 1500ms}. */
  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static void checkProxyAuth(PropertyResolver settings) throws RefusedException {
    Optional<String> mode = settings.get("tollgate.proxy-auth", String.class).filter(s -> !s.isEmpty());
    if (mode.isPresent()) {
      ProxyAuthMode parsed;
      try {
        parsed = ProxyAuthMode.parse(mode.get());
      } catch (IllegalArgumentException e) {
        throw refused(e.getMessage(), ExitCodes.USAGE);
      }
      Optional<String> problem = parsed != ProxyAuthMode.CLIENT_CERTIFICATE ? Optional.empty()
          : ProxyAuthMode.clientCertificateProblem(settings.get("tollgate.xds-tls.certificate", String.class),
              settings.get("tollgate.xds-tls.client-ca", String.class));
      if (problem.isPresent()) {
        throw refused(problem.get(), ExitCodes.USAGE);
      }
    }
    Optional<String> audience = settings.get("tollgate.proxy-auth-audience", String.class);
    if (audience.isPresent() && audience.get().isBlank()) {
      throw refused("tollgate.proxy-auth-audience: must name the audience of the proxies' tokens, not be empty", ExitCodes.USAGE);
    }
    Optional<String> age = settings.get("tollgate.proxy-auth-cache-age", String.class);
    if (age.isPresent()) {
      Optional<Duration> duration = settings.get("tollgate.proxy-auth-cache-age", Duration.class);
      if (duration.isEmpty() || duration.get().isNegative() || duration.get().isZero()) {
        throw refused("tollgate.proxy-auth-cache-age: \"" + age.get() + "\" is not a positive duration (examples: 30s, 5m)", ExitCodes.USAGE);
      }
    }
  }

  private static boolean isPort(String text) {
    return text.equals("-1") || text.matches("[0-9]{1,5}") && Integer.parseInt(text) <= 65535;
  }

  private static RefusedException refused(String message, int exitCode) {
    return new RefusedException(message, exitCode);
  }

  /** A setting that stops serve from starting. */
  static final class RefusedException extends Exception {
    private final int exitCode;

    RefusedException(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }
}
