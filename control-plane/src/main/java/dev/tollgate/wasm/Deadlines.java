package dev.tollgate.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One exchange, body included, within a deadline and a size bound. The JDK client's request
 * timeout covers only the wait for the response headers, and reading a whole body holds all of
 * it: a server sending slowly, or endlessly, would otherwise hold the translation that asked for a
 * module, or its memory.
 */
final class Deadlines {

  /** The longest one exchange with a module source may take. */
  static final Duration EXCHANGE = Duration.ofSeconds(30);

  /** A response whose body was read up to the bound; {@code truncated} when it went on. */
  record Response(int statusCode, HttpHeaders headers, byte[] body, boolean truncated) {}

  private Deadlines() {}

  static Response send(HttpClient http, HttpRequest request, String what, Duration deadline, long maxBytes)
      throws WasmFetchException {
    long until = System.nanoTime() + deadline.toNanos();
    CompletableFuture<Response> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .thenApplyAsync(r -> read(r, maxBytes));
    try {
      return exchange.get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new WasmFetchException(what + " did not answer within " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      String reason = cause instanceof IOException io ? HttpModules.describe(io) : String.valueOf(cause);
      throw new WasmFetchException(what + " could not be reached: " + reason, cause);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new WasmFetchException(what + ": interrupted", e);
    }
  }

  private static Response read(HttpResponse<InputStream> r, long maxBytes) {
    try (InputStream body = r.body()) {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      boolean truncated = bytes.length > maxBytes;
      return new Response(r.statusCode(), r.headers(), truncated ? java.util.Arrays.copyOf(bytes, (int) maxBytes) : bytes, truncated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
