package dev.tollgate.translator.model.envoygateway;

import java.util.List;

/** A SecurityPolicy's {@code cors}: which cross-origin requests browsers may make, as Envoy Gateway defines it. */
public record CorsSpec(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    String maxAge,
    Boolean allowCredentials) {

  public CorsSpec {
    allowOrigins = allowOrigins == null ? List.of() : allowOrigins;
    allowMethods = allowMethods == null ? List.of() : allowMethods;
    allowHeaders = allowHeaders == null ? List.of() : allowHeaders;
    exposeHeaders = exposeHeaders == null ? List.of() : exposeHeaders;
  }
}
