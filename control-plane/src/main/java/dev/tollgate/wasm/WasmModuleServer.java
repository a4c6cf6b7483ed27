package dev.tollgate.wasm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the cached modules to proxies: {@code GET /wasm/<sha256>.wasm}, nothing else. Modules are
 * public code checked by the proxy against the sha256 in its configuration, so the endpoint needs
 * no credentials; it serves only what is in the cache, by digest. The JDK's HTTP server suffices
 * for one read-only path.
 */
public final class WasmModuleServer implements AutoCloseable {

  private static final Pattern PATH = Pattern.compile("/wasm/([0-9a-f]{64})\\.wasm");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "wasm-module-server");
    t.setDaemon(true);
    return t;
  });

  public WasmModuleServer(WasmCache cache, InetSocketAddress bind) throws IOException {
    server = HttpServer.create(bind, 16);
    server.createContext("/", exchange -> handle(cache, exchange));
    server.setExecutor(executor);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(WasmCache cache, HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
      boolean head = exchange.getRequestMethod().equals("HEAD");
      if (!exchange.getRequestMethod().equals("GET") && !head) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Optional<byte[]> module = m.matches() ? cache.get(m.group(1)) : Optional.empty();
      if (module.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/wasm");
      exchange.sendResponseHeaders(200, head ? -1 : module.get().length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(module.get());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
