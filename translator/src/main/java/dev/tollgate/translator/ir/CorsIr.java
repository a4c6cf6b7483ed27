package dev.tollgate.translator.ir;

import java.util.List;

/**
 * The CORS a SecurityPolicy allows on its routes.
 *
 * @param origins the allowed origins, each matched exactly or by an RE2 expression
 * @param maxAgeSeconds how long a browser may cache a preflight answer; null leaves it unset
 */
public record CorsIr(
    List<StringMatchIr> origins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    Long maxAgeSeconds,
    boolean allowCredentials) {

  public CorsIr {
    origins = List.copyOf(origins);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }
}
