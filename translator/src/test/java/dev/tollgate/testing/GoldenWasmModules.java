package dev.tollgate.testing;

import dev.tollgate.translator.wasm.WasmModules;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden cases' Wasm modules: those a policy pins by sha256 are found as {@code <sha256>.wasm} in a
 * testdata directory, as Tollgate's own cache keeps them, and served under the name
 * {@code translate} uses by default; nothing is fetched. Fetching is tested against real servers
 * in control-plane.
 */
public final class GoldenWasmModules implements WasmModules {

  /** {@code translate}'s default {@code --wasm-server}. */
  static final Server SERVER = new Server("tollgate.envoy-gateway-system.svc", 18002);
  private final Path directory;

  GoldenWasmModules(Path directory) {
    this.directory = directory;
  }

  @Override
  public Outcome fetch(Source source) {
    if (source.image() || source.sha256() == null || !Files.exists(directory.resolve(source.sha256() + ".wasm"))) {
      return new Failed(source.url() + " is not in the golden cases' module directory");
    }
    return new Fetched(source.sha256());
  }

  @Override
  public Server server() {
    return SERVER;
  }
}
