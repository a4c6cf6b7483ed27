package dev.tollgate.serve.xds.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;

/**
 * The token in a stream's {@code authorization} metadata ({@code Bearer TOKEN}, or the bare token
 * Envoy's credential injector sends), proved by a {@link TokenAuthenticator}.
 */
final class BearerTokens implements CallAuthenticator {

  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final TokenAuthenticator authenticator;

  BearerTokens(TokenAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public ProxyAuthResult authenticate(ServerCall<?, ?> call, Metadata headers) {
    String token = token(headers.get(AUTHORIZATION));
    return token.isEmpty()
        ? ProxyAuthResult.rejected(Rejection.MISSING_TOKEN, "the stream carries no authorization metadata")
        : authenticator.authenticate(token);
  }

  private static String token(String authorization) {
    if (authorization == null) {
      return "";
    }
    String value = authorization.trim();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
  }
}
