package dev.tollgate.translator.ir;

import java.util.List;

/**
 * JWT authentication: a request must carry a token valid for one of the providers.
 *
 * @param optional a request without a token passes (one with an invalid token does not)
 * @param failOpen a request passes whatever its token
 */
public record JwtIr(List<Provider> providers, boolean optional, boolean failOpen) {
  public JwtIr {
    providers = List.copyOf(providers);
  }

  /**
   * @param remoteJwks where keys are fetched from, or null when {@code localJwks} holds them
   * @param localJwks the key set as JSON, or null
   */
  public record Provider(
      String name,
      String issuer,
      List<String> audiences,
      RemoteJwks remoteJwks,
      String localJwks,
      List<ClaimHeader> claimToHeaders,
      boolean recomputeRoute,
      List<HeaderSource> fromHeaders,
      List<String> fromCookies,
      List<String> fromParams) {
    public Provider {
      audiences = List.copyOf(audiences);
      claimToHeaders = List.copyOf(claimToHeaders);
      fromHeaders = List.copyOf(fromHeaders);
      fromCookies = List.copyOf(fromCookies);
      fromParams = List.copyOf(fromParams);
    }
  }

  /**
   * @param destination the cluster the keys are fetched through: the policy's backends, or the
   *     URI's host resolved by DNS; always reached over TLS with the URI's host as SNI
   */
  public record RemoteJwks(String uri, DestinationIr destination, long cacheDurationMillis) {}

  public record ClaimHeader(String claim, String header) {}

  public record HeaderSource(String name, String valuePrefix) {}
}
