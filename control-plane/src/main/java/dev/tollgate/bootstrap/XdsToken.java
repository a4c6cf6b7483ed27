package dev.tollgate.bootstrap;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.PathConfigSource;
import io.envoyproxy.envoy.config.core.v3.WatchedDirectory;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.GenericSecret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.nio.file.Path;

/**
 * The proxy's ServiceAccount token as Envoy's credential injector reads it: a secret from a file
 * (file-based SDS) that names the token file, reloaded whenever the token's directory sees a
 * move. A static secret would be read once, at start: a projected token expires (an hour by
 * default) and the kubelet rotates it, so a proxy reconnecting later would present an expired one.
 */
public final class XdsToken {

  public static final String SECRET = "tollgate_xds_token";

  private XdsToken() {}

  /**
   * Where the token's secret file is, unless given: beside the token, named after it. YAML (JSON is
   * YAML too): Envoy parses such a file by its extension.
   */
  public static String sdsFile(String tokenFile, String given) {
    return given != null ? given : tokenFile + "-sds.yaml";
  }

  /**
   * The credential: the secret from its file, reloaded on every move in the token's directory
   * (the kubelet swaps a projected volume's {@code ..data} link to rotate what it holds).
   */
  public static SdsSecretConfig secretConfig(String tokenFile, String sdsFile) {
    Path parent = Path.of(tokenFile).toAbsolutePath().getParent();
    PathConfigSource.Builder path = PathConfigSource.newBuilder().setPath(sdsFile(tokenFile, sdsFile));
    if (parent != null) {
      path.setWatchedDirectory(WatchedDirectory.newBuilder().setPath(parent.toString()));
    }
    return SdsSecretConfig.newBuilder().setName(SECRET)
        .setSdsConfig(ConfigSource.newBuilder().setPathConfigSource(path).setResourceApiVersion(ApiVersion.V3))
        .build();
  }

  /** The secret file's contents: a discovery response holding the generic secret read from the token file. */
  public static DiscoveryResponse discoveryResponse(String tokenFile) {
    Secret secret = Secret.newBuilder().setName(SECRET)
        .setGenericSecret(GenericSecret.newBuilder().setSecret(DataSource.newBuilder().setFilename(tokenFile))).build();
    return DiscoveryResponse.newBuilder().setTypeUrl("type.googleapis.com/" + Secret.getDescriptor().getFullName())
        .addResources(Any.pack(secret)).build();
  }
}
