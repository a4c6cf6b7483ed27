package dev.tollgate.wasm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Fetches a Wasm module from an HTTP(S) URL ({@code code.type: HTTP}), bounded in size and time. */
public final class HttpModules {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
  private final long maxBytes;
  private final Duration deadline;

  public HttpModules(long maxBytes) {
    this(maxBytes, Deadlines.EXCHANGE);
  }

  /** @param deadline the longest a fetch may take, body included */
  HttpModules(long maxBytes, Duration deadline) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  public byte[] fetch(String url) throws WasmFetchException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new WasmFetchException("\"" + url + "\" is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new WasmFetchException("\"" + url + "\" is not an http or https URL");
    }
    Deadlines.Response response = Deadlines.send(http, HttpRequest.newBuilder(uri).timeout(deadline).build(), url, deadline, maxBytes);
    if (response.statusCode() != 200) {
      throw new WasmFetchException(url + " answered HTTP " + response.statusCode());
    }
    byte[] module = response.body();
    if (response.truncated()) {
      throw new WasmFetchException(url + " is larger than " + maxBytes + " bytes");
    }
    if (!WasmImages.isWasm(module)) {
      throw new WasmFetchException(url + " is not a Wasm module (it does not start with \\0asm)");
    }
    return module;
  }

  /** An I/O failure as a person reads it; the JDK leaves some messages empty (a refused connection). */
  static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
