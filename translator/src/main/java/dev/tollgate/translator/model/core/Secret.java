package dev.tollgate.translator.model.core;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Core v1 Secret. Values stay base64-encoded as in the manifest ({@code stringData} is plain) and
 * are only decoded where used; {@link #toString()} never prints them.
 */
public record Secret(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    String type,
    Map<String, String> data,
    Map<String, String> stringData)
    implements KubernetesObject {

  public static final String TYPE_TLS = "kubernetes.io/tls";

  public Secret {
    data = data == null ? Map.of() : data;
    stringData = stringData == null ? Map.of() : stringData;
  }

  /** The decoded value of a key; stringData wins over data, as the API server merges them. */
  public Optional<byte[]> value(String key) {
    String plain = stringData.get(key);
    if (plain != null) {
      return Optional.of(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String encoded = data.get(key);
    if (encoded == null) {
      return Optional.empty();
    }
    return Optional.of(Base64.getMimeDecoder().decode(encoded));
  }

  @Override
  public String toString() {
    return "Secret[" + metadata.namespace() + "/" + metadata.name() + ", type=" + type + ", keys="
        + new java.util.TreeSet<>(data.keySet()) + "]";
  }
}
