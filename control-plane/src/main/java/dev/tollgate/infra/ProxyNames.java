package dev.tollgate.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of every object of a Gateway's proxy infrastructure, Envoy Gateway's scheme:
 * {@code envoy-<namespace>-<name>-<hash>}, the Gateway's {@code namespace-name} cut to 48
 * characters and the first 8 hex digits of the SHA-256 of {@code namespace/name}, so that two
 * Gateways never share a name and the result fits Kubernetes' 63-character limit.
 */
public final class ProxyNames {

  private static final int KEPT = 48;

  private ProxyNames() {}

  public static String forGateway(String namespace, String name) {
    String joined = namespace + "-" + name;
    if (joined.length() > KEPT) {
      joined = joined.substring(0, KEPT);
      while (joined.endsWith("-")) {
        joined = joined.substring(0, joined.length() - 1);
      }
    }
    return "envoy-" + joined + "-" + sha256(namespace + "/" + name).substring(0, 8);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
