package dev.tollgate.cli;

import dev.tollgate.translator.wasm.WasmModules;
import dev.tollgate.wasm.ModuleFetcher;
import dev.tollgate.wasm.WasmCache;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where {@code translate} keeps the Wasm modules it fetches, and the server it tells proxies to fetch them from. */
final class WasmOptions {

  /** The module server of a Tollgate installed by the chart. */
  static final String DEFAULT_SERVER = "tollgate.envoy-gateway-system.svc:18002";
  private static final long CACHE_BYTES = 1L << 30;

  @Option(names = "--wasm-cache", paramLabel = "DIR",
      description = "Where fetched Wasm modules are kept (default: ~/.cache/tollgate/wasm).")
  Path cache;

  @Option(names = "--wasm-server", paramLabel = "HOST:PORT", defaultValue = DEFAULT_SERVER,
      description = "The Tollgate module server proxies fetch Wasm modules from (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "A registry reached over plain HTTP (loopback registries always may be). Repeatable.")
  List<String> insecure = List.of();

  WasmModules modules() {
    Path dir = cache != null ? cache : Path.of(System.getProperty("user.home"), ".cache", "tollgate", "wasm");
    int colon = server.lastIndexOf(':');
    if (colon <= 0 || !server.substring(colon + 1).matches("\\d{1,5}")) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--wasm-server must be HOST:PORT, not " + server);
    }
    return new ModuleFetcher(new WasmCache(dir, CACHE_BYTES),
        new WasmModules.Server(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))), Set.copyOf(insecure),
        Clock.systemUTC());
  }
}
