package dev.tollgate.wasm;

import dev.tollgate.translator.wasm.WasmModules;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tollgate's {@link WasmModules}: fetches modules over HTTP or from registries, checks the digest
 * the policy gives, keeps them in the {@link WasmCache} and names the server proxies fetch them
 * from. A module fetched once is not fetched again for the same source unless its pull policy says
 * Always; a failure is remembered for a short while, so a registry that is down does not slow
 * every translation.
 */
public final class ModuleFetcher implements WasmModules {

  /** Larger modules are refused. */
  public static final long MAX_MODULE_BYTES = WasmImages.MAX_MODULE_BYTES;
  private static final Duration RETRY_FAILURES_AFTER = Duration.ofSeconds(30);

  private final WasmCache cache;
  private final Server server;
  private final HttpModules http = new HttpModules(MAX_MODULE_BYTES);
  private final RegistryClient registry;
  private final Clock clock;
  private final Map<String, String> fetched = new HashMap<>();
  private final Map<String, Failure> failed = new HashMap<>();

  private record Failure(String reason, Instant at) {}

  /**
   * @param server where proxies fetch modules (Tollgate's module server), or null when there is none
   * @param insecureRegistries registries reached over plain HTTP besides loopback ones
   */
  public ModuleFetcher(WasmCache cache, Server server, Set<String> insecureRegistries, Clock clock) {
    this.cache = cache;
    this.server = server;
    this.registry = new RegistryClient(insecureRegistries, MAX_MODULE_BYTES);
    this.clock = clock;
  }

  @Override
  public Server server() {
    return server;
  }

  @Override
  public synchronized Outcome fetch(Source source) {
    String key = (source.image() ? "image " : "http ") + source.url() + " " + source.sha256() + " "
        + (source.dockerConfigJson() == null ? "" : Digests.sha256(source.dockerConfigJson()));
    String known = fetched.get(key);
    if (known != null && !source.alwaysPull() && cached(known)) {
      return new Fetched(known);
    }
    // A module is named by its content: one already kept under the digest the policy pins is that
    // module, whoever fetched it (a previous run included).
    if (!source.image() && source.sha256() != null && !source.alwaysPull() && cached(source.sha256())) {
      fetched.put(key, source.sha256());
      return new Fetched(source.sha256());
    }
    Failure failure = failed.get(key);
    if (failure != null && failure.at().plus(RETRY_FAILURES_AFTER).isAfter(clock.instant())) {
      return new Failed(failure.reason());
    }
    try {
      String sha = cache.put(download(source));
      fetched.put(key, sha);
      failed.remove(key);
      return new Fetched(sha);
    } catch (WasmFetchException | IOException e) {
      failed.put(key, new Failure(e.getMessage(), clock.instant()));
      return new Failed(e.getMessage());
    }
  }

  /** Asked on every translation for every module: a look at the file, not a read of it. */
  private boolean cached(String sha) {
    try {
      return cache.contains(sha);
    } catch (IOException e) {
      return false;
    }
  }

  private byte[] download(Source source) throws WasmFetchException {
    if (!source.image()) {
      byte[] module = http.fetch(source.url());
      String actual = Digests.sha256(module);
      if (source.sha256() != null && !source.sha256().equals(actual)) {
        throw new WasmFetchException(source.url() + ": the module's sha256 is " + actual + ", not " + source.sha256()
            + " as the policy says");
      }
      return module;
    }
    OciReference image;
    try {
      image = OciReference.parse(source.url());
    } catch (IllegalArgumentException e) {
      throw new WasmFetchException(e.getMessage());
    }
    RegistryClient.Credentials credentials = source.dockerConfigJson() == null ? null
        : PullSecrets.credentials(source.dockerConfigJson(), image.registry());
    RegistryClient.Pulled pulled = registry.pull(image, credentials);
    if (source.sha256() != null && !pulled.imageDigest().equals("sha256:" + source.sha256())) {
      throw new WasmFetchException(image + ": the image's digest is " + pulled.imageDigest() + ", not sha256:" + source.sha256()
          + " as the policy says");
    }
    return pulled.module();
  }
}
