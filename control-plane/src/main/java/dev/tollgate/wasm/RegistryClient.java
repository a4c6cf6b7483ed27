package dev.tollgate.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls a Wasm module from an OCI distribution registry: the manifest (a Docker image, an OCI
 * image or an index of them), then its single layer, checked against the digest the manifest
 * gives, then the module inside ({@link WasmImages}). Authenticates as registries ask, with
 * Basic credentials or a Bearer token fetched with them.
 *
 * <p>Written against the distribution API's few calls because the Java OCI clients available
 * pull whole container images into runtimes, not one blob into memory.
 */
public final class RegistryClient {

  static final String ACCEPT = String.join(", ",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json");
  private static final Set<String> INDEXES =
      Set.of("application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json");
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A user and password (or token) for a registry. */
  public record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=<redacted>]";
    }
  }

  private final HttpClient http;
  private final Set<String> insecureRegistries;
  private final long maxBytes;

  /**
   * @param insecureRegistries registries ({@code host[:port]}) reached over plain HTTP besides loopback ones
   * @param maxBytes the largest manifest or layer accepted
   */
  public RegistryClient(Set<String> insecureRegistries, long maxBytes) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.insecureRegistries = Set.copyOf(insecureRegistries);
    this.maxBytes = maxBytes;
  }

  /**
   * A module pulled from an image.
   *
   * @param imageDigest {@code sha256:...} of the manifest (or index) the reference resolved to,
   *     the digest that names the image
   */
  public record Pulled(byte[] module, String imageDigest) {}

  /** The module in the image, checked to be Wasm. */
  public Pulled pull(OciReference image, Credentials credentials) throws WasmFetchException {
    Session session = new Session(image, credentials);
    Fetched manifest = session.get("/manifests/" + image.reference(), ACCEPT);
    String imageDigest = "sha256:" + Digests.sha256(manifest.body());
    JsonNode doc = parse(manifest.body(), image + " manifest");
    String type = mediaType(manifest, doc);
    if (INDEXES.contains(type)) {
      JsonNode first = doc.path("manifests").path(0);
      if (first.isMissingNode()) {
        throw new WasmFetchException(image + ": the image index lists no manifest");
      }
      manifest = session.get("/manifests/" + first.path("digest").asText(), ACCEPT);
      doc = parse(manifest.body(), image + " manifest");
    }
    JsonNode layers = doc.path("layers");
    if (layers.size() != 1) {
      throw new WasmFetchException(image + ": a Wasm image has exactly one layer, this one has " + layers.size());
    }
    JsonNode layer = layers.get(0);
    String digest = layer.path("digest").asText();
    Fetched blob = session.get("/blobs/" + digest, "*/*");
    String actual = "sha256:" + Digests.sha256(blob.body());
    if (!actual.equals(digest)) {
      throw new WasmFetchException(image + ": the layer's content has digest " + actual + ", not " + digest + " as its manifest says");
    }
    return new Pulled(WasmImages.module(image.toString(), layer.path("mediaType").asText(), blob.body()), imageDigest);
  }

  private static String mediaType(Fetched manifest, JsonNode doc) {
    String declared = doc.path("mediaType").asText("");
    return declared.isEmpty() ? manifest.contentType() : declared;
  }

  private static JsonNode parse(byte[] body, String what) throws WasmFetchException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new WasmFetchException(what + " is not JSON: " + e.getMessage());
    }
  }

  private record Fetched(byte[] body, String contentType) {}

  /** Requests to one repository, carrying the authorization the registry asked for once it has. */
  private final class Session {
    private final OciReference image;
    private final Credentials credentials;
    private final String base;
    private String authorization;

    Session(OciReference image, Credentials credentials) {
      this.image = image;
      this.credentials = credentials;
      boolean plain = image.isLoopback() || insecureRegistries.contains(image.registry());
      this.base = (plain ? "http://" : "https://") + image.registry() + "/v2/" + image.repository();
    }

    Fetched get(String path, String accept) throws WasmFetchException {
      Deadlines.Response response = send(URI.create(base + path), accept);
      if (response.statusCode() == 401 && authorization == null) {
        authorization = authorize(response.headers().firstValue("WWW-Authenticate").orElse(""));
        response = send(URI.create(base + path), accept);
      }
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw new WasmFetchException(image + ": the registry refused " + (credentials == null ? "anonymous access" : "the pull secret's credentials")
            + " (HTTP " + response.statusCode() + ")");
      }
      if (response.statusCode() != 200) {
        throw new WasmFetchException(image + ": " + path.substring(1) + " answered HTTP " + response.statusCode());
      }
      if (response.truncated()) {
        throw new WasmFetchException(image + ": " + path.substring(1) + " is larger than " + maxBytes + " bytes");
      }
      return new Fetched(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    private Deadlines.Response send(URI uri, String accept) throws WasmFetchException {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Deadlines.EXCHANGE).header("Accept", accept);
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return Deadlines.send(http, request.build(), image + ": the registry", Deadlines.EXCHANGE, maxBytes);
    }

    /** The Authorization header for the registry's challenge: Basic, or a Bearer token from its realm. */
    private String authorize(String challenge) throws WasmFetchException {
      String basic = credentials == null ? null : "Basic " + Base64.getEncoder().encodeToString(
          (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
      if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
        if (basic == null) {
          throw new WasmFetchException(image + ": the registry requires credentials and the policy gives no pull secret");
        }
        return basic;
      }
      if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
        throw new WasmFetchException(image + ": the registry asks for an authentication scheme Tollgate does not speak: " + challenge);
      }
      Map<String, String> params = new LinkedHashMap<>();
      Matcher m = PARAM.matcher(challenge);
      while (m.find()) {
        params.put(m.group(1), m.group(2));
      }
      String realm = params.get("realm");
      if (realm == null) {
        throw new WasmFetchException(image + ": the registry's Bearer challenge names no realm");
      }
      StringBuilder uri = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
      uri.append("scope=").append(URLEncoder.encode(params.getOrDefault("scope", "repository:" + image.repository() + ":pull"),
          StandardCharsets.UTF_8));
      if (params.containsKey("service")) {
        uri.append("&service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
      }
      HttpRequest.Builder token = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Deadlines.EXCHANGE);
      if (basic != null) {
        token.header("Authorization", basic);
      }
      Deadlines.Response answer = Deadlines.send(http, token.build(), image + ": the registry's token service", Deadlines.EXCHANGE, 1 << 20);
      if (answer.statusCode() != 200) {
        throw new WasmFetchException(image + ": the registry's token service answered HTTP " + answer.statusCode());
      }
      JsonNode body = parse(answer.body(), image + " token");
      String value = body.path("token").asText(body.path("access_token").asText(""));
      if (value.isEmpty()) {
        throw new WasmFetchException(image + ": the registry's token service gave no token");
      }
      return "Bearer " + value;
    }
  }
}
