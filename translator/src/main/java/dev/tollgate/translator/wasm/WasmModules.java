package dev.tollgate.translator.wasm;

/**
 * Where Wasm modules come from and where proxies fetch them: the translator asks for each module
 * an EnvoyExtensionPolicy names; whoever runs the translation fetches it (over HTTP or from a
 * registry), checks it, keeps it, and serves it to proxies from its own HTTP endpoint, so proxies
 * never need registry credentials. {@link #NONE} fetches nothing: policies with Wasm are refused.
 */
public interface WasmModules {

  /**
   * A module to fetch.
   *
   * @param image an OCI image reference; otherwise {@code url} is an http(s) URL
   * @param sha256 the digest the user expects (of the module for HTTP, of the image manifest for an
   *     image), or null
   * @param dockerConfigJson a pull secret's {@code .dockerconfigjson}, or null
   * @param alwaysPull fetch again rather than reuse a module fetched before from the same URL
   */
  record Source(boolean image, String url, String sha256, byte[] dockerConfigJson, boolean alwaysPull) {
    @Override
    public String toString() {
      return "Source[" + (image ? "image " : "http ") + url + (sha256 == null ? "" : ", sha256=" + sha256)
          + (dockerConfigJson == null ? "" : ", pull secret=<redacted>") + "]";
    }
  }

  /** A fetched module ({@code sha256} of its bytes), or why there is none. */
  sealed interface Outcome permits Fetched, Failed {}

  record Fetched(String sha256) implements Outcome {}

  record Failed(String reason) implements Outcome {}

  /** Where proxies fetch modules: an HTTP server at {@code host:port}, modules at {@code /wasm/<sha256>.wasm}. */
  record Server(String host, int port) {
    public String url(String sha256) {
      return "http://" + host + ":" + port + "/wasm/" + sha256 + ".wasm";
    }
  }

  Outcome fetch(Source source);

  /** Null when modules cannot be served. */
  Server server();

  WasmModules NONE = new WasmModules() {
    @Override
    public Outcome fetch(Source source) {
      return new Failed("fetching Wasm modules is not configured here (tollgate serve and translate do it)");
    }

    @Override
    public Server server() {
      return null;
    }
  };
}
