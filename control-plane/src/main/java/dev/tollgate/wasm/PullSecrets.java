package dev.tollgate.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Registry credentials from a {@code kubernetes.io/dockerconfigjson} Secret's
 * {@code .dockerconfigjson}: the entry of {@code auths} for the image's registry (keys may be
 * {@code host[:port]} or a URL such as {@code https://host/v1/}), with {@code auth} (base64 of
 * user:password) or {@code username} and {@code password}.
 */
public final class PullSecrets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PullSecrets() {}

  /** The credentials for {@code registry}, or an exception naming what is missing (never the secret itself). */
  public static RegistryClient.Credentials credentials(byte[] dockerConfigJson, String registry) throws WasmFetchException {
    JsonNode auths;
    try {
      auths = JSON.readTree(dockerConfigJson).path("auths");
    } catch (IOException e) {
      throw new WasmFetchException("the pull secret's .dockerconfigjson is not JSON");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!registryOf(e.getKey()).equals(registry)) {
        continue;
      }
      JsonNode entry = e.getValue();
      if (entry.hasNonNull("auth")) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(entry.get("auth").asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException bad) {
          throw new WasmFetchException("the pull secret's auth for " + registry + " is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          throw new WasmFetchException("the pull secret's auth for " + registry + " is not user:password");
        }
        return new RegistryClient.Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
      }
      if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
        return new RegistryClient.Credentials(entry.get("username").asText(), entry.get("password").asText());
      }
      throw new WasmFetchException("the pull secret's entry for " + registry + " has neither auth nor username and password");
    }
    throw new WasmFetchException("the pull secret has no credentials for " + registry);
  }

  /** {@code https://host:port/v1/} → {@code host:port}. */
  static String registryOf(String key) {
    String k = key.replaceFirst("^[a-z]+://", "");
    int slash = k.indexOf('/');
    return (slash < 0 ? k : k.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
  }
}
