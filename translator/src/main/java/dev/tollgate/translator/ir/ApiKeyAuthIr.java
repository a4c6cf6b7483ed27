package dev.tollgate.translator.ir;

import java.util.List;

/**
 * API key authentication: a request must carry one of the keys, in the first of the sources that
 * has one. {@link #toString()} never prints a key.
 *
 * @param filterName the HTTP filter's name, one per policy (enabled per route)
 * @param removeHeaders headers removed before the request goes upstream ({@code sanitize})
 */
public record ApiKeyAuthIr(String filterName, List<Credential> credentials, List<KeySource> keySources,
    List<String> removeHeaders) {

  public ApiKeyAuthIr {
    credentials = List.copyOf(credentials);
    keySources = List.copyOf(keySources);
    removeHeaders = List.copyOf(removeHeaders);
  }

  public record Credential(String client, String key) {
    @Override
    public String toString() {
      return "Credential[client=" + client + ", key=<redacted>]";
    }
  }

  /** Exactly one of the three is set. */
  public record KeySource(String header, String query, String cookie) {}

  @Override
  public String toString() {
    return "ApiKeyAuthIr[filterName=" + filterName + ", clients=" + credentials.stream().map(Credential::client).toList()
        + ", keySources=" + keySources + ", removeHeaders=" + removeHeaders + "]";
  }
}
