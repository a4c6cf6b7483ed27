package dev.tollgate.translator.model.envoygateway;

import java.util.List;

/**
 * A SecurityPolicy's {@code apiKeyAuth}: clients present a key found in one of the Secrets (each
 * data key a client ID, its value that client's API key), taken from the first source that has one.
 */
public record ApiKeyAuthSpec(
    List<SecretReference> credentialRefs,
    List<ExtractFrom> extractFrom,
    String forwardClientIDHeader,
    Boolean sanitize) {

  public ApiKeyAuthSpec {
    credentialRefs = credentialRefs == null ? List.of() : credentialRefs;
    extractFrom = extractFrom == null ? List.of() : extractFrom;
  }

  /** Exactly one of the three lists is set. */
  public record ExtractFrom(List<String> headers, List<String> params, List<String> cookies) {
    public ExtractFrom {
      headers = headers == null ? List.of() : headers;
      params = params == null ? List.of() : params;
      cookies = cookies == null ? List.of() : cookies;
    }
  }
}
