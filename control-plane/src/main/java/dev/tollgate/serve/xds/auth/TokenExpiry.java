package dev.tollgate.serve.xds.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code exp} claim of a JWT, read without verifying it: used only for how long an identity
 * the API server has already confirmed stays cached.
 */
final class TokenExpiry {

  private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})\\b");

  private TokenExpiry() {}

  static Optional<Instant> of(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      Matcher m = EXP.matcher(payload);
      return m.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
