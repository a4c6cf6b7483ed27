package dev.tollgate.translator.model.envoygateway;

import dev.tollgate.translator.model.gatewayapi.BackendRef;
import java.util.List;

/** A SecurityPolicy's {@code jwt}: JSON Web Token authentication. */
public record JwtSpec(Boolean optional, Boolean failOpen, List<Provider> providers) {

  public JwtSpec {
    providers = providers == null ? List.of() : providers;
  }

  public record Provider(
      String name,
      String issuer,
      List<String> audiences,
      RemoteJwks remoteJWKS,
      LocalJwks localJWKS,
      List<ClaimToHeader> claimToHeaders,
      Boolean recomputeRoute,
      ExtractFrom extractFrom) {
    public Provider {
      audiences = audiences == null ? List.of() : audiences;
      claimToHeaders = claimToHeaders == null ? List.of() : claimToHeaders;
    }
  }

  /** Keys fetched over HTTPS from {@code uri}, or from the backends named. */
  public record RemoteJwks(String uri, List<BackendRef> backendRefs, BackendRef backendRef, String cacheDuration) {
    public RemoteJwks {
      backendRefs = backendRefs == null ? List.of() : backendRefs;
    }
  }

  /** Keys given inline, or read from a ConfigMap (key {@code jwks}, else its only value). */
  public record LocalJwks(String type, String inline, LocalObjectReference valueRef) {}

  public record LocalObjectReference(String group, String kind, String name) {}

  public record ClaimToHeader(String header, String claim) {}

  public record ExtractFrom(List<HeaderSource> headers, List<String> cookies, List<String> params) {
    public ExtractFrom {
      headers = headers == null ? List.of() : headers;
      cookies = cookies == null ? List.of() : cookies;
      params = params == null ? List.of() : params;
    }
  }

  public record HeaderSource(String name, String valuePrefix) {}
}
