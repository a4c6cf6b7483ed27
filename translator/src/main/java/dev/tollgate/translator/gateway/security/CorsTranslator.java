package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.Durations;
import dev.tollgate.translator.gateway.Re2;
import dev.tollgate.translator.ir.CorsIr;
import dev.tollgate.translator.ir.StringMatchIr;
import dev.tollgate.translator.model.envoygateway.CorsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Translates {@code spec.cors}. Origins without a wildcard match exactly; {@code *} alone matches
 * every origin; a wildcard host ({@code https://*}) or host label ({@code https://*.example.com})
 * becomes an RE2 expression in which everything else is literal.
 */
final class CorsTranslator {

  private static final String FIELD = "spec.cors";
  /** The CRD's pattern for one origin. */
  private static final Pattern ORIGIN =
      Pattern.compile("^(\\*|[A-Za-z][A-Za-z0-9+.-]*://(\\*|(\\*\\.)?(([\\w-]+\\.?)+)?[\\w-]+)(:\\d{1,5})?)$");
  /** One DNS label (a wildcard stands for one or more of them), or any host. */
  private static final String LABELS = "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*";
  private static final String MATCH_ALL = ".*";

  CorsIr translate(CorsSpec spec, PolicyProblems problems) {
    List<StringMatchIr> origins = new ArrayList<>();
    for (int i = 0; i < spec.allowOrigins().size(); i++) {
      String origin = spec.allowOrigins().get(i);
      String field = FIELD + ".allowOrigins[" + i + "]";
      if (origin == null || origin.length() > 253 || !ORIGIN.matcher(origin).matches()) {
        problems.add(field, "is not an origin: expected scheme://host[:port], a host may start with \"*.\" or be \"*\", or \"*\" alone");
        continue;
      }
      origins.add(matcher(origin));
    }
    boolean credentials = Boolean.TRUE.equals(spec.allowCredentials());
    // Browsers refuse credentials with a wildcard origin, and Envoy would answer by echoing the
    // request's origin: any site could then read credentialed responses. Refuse it.
    if (credentials && spec.allowOrigins().contains("*")) {
      problems.add(FIELD + ".allowCredentials",
          "cannot be true when allowOrigins contains \"*\": any site could read credentialed responses; list the origins");
    }
    Long maxAge = null;
    if (spec.maxAge() != null) {
      try {
        maxAge = Durations.toMillis(spec.maxAge()) / 1000;
      } catch (IllegalArgumentException e) {
        problems.add(FIELD + ".maxAge", e.getMessage());
      }
    }
    return new CorsIr(origins, spec.allowMethods(), spec.allowHeaders(), spec.exposeHeaders(), maxAge, credentials);
  }

  /** An exact match for a precise origin, else a regex whose literal parts are escaped. */
  static StringMatchIr matcher(String origin) {
    if (origin.equals("*")) {
      return new StringMatchIr(null, true, MATCH_ALL);
    }
    if (!origin.contains("*")) {
      return new StringMatchIr(null, false, origin);
    }
    int hostStart = origin.indexOf("://") + 3;
    String scheme = origin.substring(0, hostStart);
    String rest = origin.substring(hostStart);
    StringBuilder regex = new StringBuilder(Re2.quote(scheme));
    if (rest.equals("*")) {
      regex.append(LABELS).append("(:[0-9]{1,5})?");
    } else {
      regex.append(LABELS).append(Re2.quote(rest.substring(1)));
    }
    return new StringMatchIr(null, true, regex.toString());
  }
}
