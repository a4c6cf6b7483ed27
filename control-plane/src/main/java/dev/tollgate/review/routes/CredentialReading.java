package dev.tollgate.review.routes;

import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.envoy.PerFilterConfigs;
import io.envoyproxy.envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth;
import io.envoyproxy.envoy.extensions.filters.http.api_key_auth.v3.KeySource;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * API key and basic authentication: where the credential is read and how many there are, never
 * the credentials themselves. A request without one is refused (401).
 */
final class CredentialReading {

  private CredentialReading() {}

  static void read(StepBuilder step, HttpFilter f, HttpRequest request) {
    if (step.type.equals("api_key_auth")) {
      ApiKeyAuth auth = PerFilterConfigs.unpack(f.getTypedConfig(), ApiKeyAuth.class);
      step.protects(Protection.API_KEY_AUTH, true);
      List<String> places = new ArrayList<>();
      for (KeySource s : auth.getKeySourcesList()) {
        if (!s.getHeader().isEmpty()) {
          places.add("header " + s.getHeader());
        }
        if (!s.getQuery().isEmpty()) {
          places.add("query parameter " + s.getQuery());
        }
        if (!s.getCookie().isEmpty()) {
          places.add("cookie " + s.getCookie());
        }
      }
      step.detail(auth.getCredentialsCount() + " API key(s), read from " + (places.isEmpty() ? "header authorization (Bearer)" : String.join(", ", places)));
      if (request != null) {
        boolean sent = auth.getKeySourcesList().isEmpty() ? request.header("authorization").isPresent()
            : auth.getKeySourcesList().stream().anyMatch(s -> !s.getHeader().isEmpty() && request.header(s.getHeader()).isPresent()
                || !s.getQuery().isEmpty() && request.queryParameter(s.getQuery()).isPresent()
                || !s.getCookie().isEmpty() && request.header("cookie").orElse("").contains(s.getCookie() + "="));
        step.decision = sent ? FilterStep.Decision.unknown("a key is sent; explain does not check it")
            : FilterStep.Decision.denied(401, "the request carries no API key");
      }
    } else {
      step.protects(Protection.BASIC_AUTH, true);
      step.detail("HTTP basic authentication against an htpasswd list");
      if (request != null) {
        boolean sent = request.header("authorization").map(v -> v.regionMatches(true, 0, "Basic ", 0, 6)).orElse(false);
        step.decision = sent ? FilterStep.Decision.unknown("credentials are sent; explain does not check them")
            : FilterStep.Decision.denied(401, "the request carries no basic credentials");
      }
    }
  }
}
