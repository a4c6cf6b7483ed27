package dev.tollgate.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches a Wasm module from an HTTP(S) URL ({@code code.type: HTTP}), bounded in size and time. */
public final class HttpModules {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
  private final long maxBytes;

  public HttpModules(long maxBytes) {
    this.maxBytes = maxBytes;
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
    try {
      HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new WasmFetchException(url + " answered HTTP " + response.statusCode());
        }
        byte[] module = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (module.length > maxBytes) {
          throw new WasmFetchException(url + " is larger than " + maxBytes + " bytes");
        }
        if (!WasmImages.isWasm(module)) {
          throw new WasmFetchException(url + " is not a Wasm module (it does not start with \\0asm)");
        }
        return module;
      }
    } catch (IOException e) {
      throw new WasmFetchException(url + " could not be fetched: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WasmFetchException(url + ": interrupted", e);
    }
  }

  /** An I/O failure as a person reads it; the JDK leaves some messages empty (a refused connection). */
  static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
