package dev.tollgate.wasm;

import java.util.Locale;

/**
 * An image in an OCI distribution registry: {@code [oci://]host[:port]/repository[:tag|@digest]},
 * the tag {@code latest} when neither is given.
 */
public record OciReference(String registry, String repository, String reference) {

  public static OciReference parse(String url) {
    String rest = url.startsWith("oci://") ? url.substring("oci://".length()) : url;
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("\"" + url + "\" is not an image reference: expected host[:port]/repository[:tag|@digest]");
    }
    String registry = rest.substring(0, slash);
    String path = rest.substring(slash + 1);
    String reference;
    int at = path.indexOf('@');
    if (at >= 0) {
      reference = path.substring(at + 1);
      path = path.substring(0, at);
      if (!reference.matches("sha256:[0-9a-f]{64}")) {
        throw new IllegalArgumentException("\"" + url + "\" has a digest that is not sha256:<64 hex digits>");
      }
    } else {
      int colon = path.lastIndexOf(':');
      reference = colon > path.lastIndexOf('/') && colon >= 0 ? path.substring(colon + 1) : "latest";
      path = colon > path.lastIndexOf('/') && colon >= 0 ? path.substring(0, colon) : path;
    }
    if (!path.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*")) {
      throw new IllegalArgumentException("\"" + url + "\" has a repository name the distribution API does not allow");
    }
    return new OciReference(registry.toLowerCase(Locale.ROOT), path, reference);
  }

  /** The registry's host without its port. */
  public String host() {
    if (registry.startsWith("[")) {
      return registry.substring(1, registry.indexOf(']'));
    }
    int colon = registry.lastIndexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }

  /**
   * Registries on loopback may answer plain HTTP, as container runtimes allow; every other
   * registry is reached over HTTPS unless listed as insecure.
   */
  public boolean isLoopback() {
    String h = host();
    return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
  }

  @Override
  public String toString() {
    return registry + "/" + repository + (reference.startsWith("sha256:") ? "@" : ":") + reference;
  }
}
