package dev.tollgate.translator.model.envoygateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A SecurityPolicy's {@code authorization}: ordered rules, the first that matches decides, else
 * {@code defaultAction} (Deny when unset). {@code shadow} is Tollgate's: the rules are evaluated
 * and reported but never enforced.
 */
public record AuthorizationSpec(String defaultAction, List<Rule> rules, Boolean shadow) {

  public AuthorizationSpec {
    rules = rules == null ? List.of() : rules;
  }

  /** At least one of {@code principal} and {@code cel}; both must match when both are set. */
  public record Rule(String name, String action, Operation operation, Principal principal, String cel) {}

  public record Operation(List<String> methods, PathMatch path) {
    public Operation {
      methods = methods == null ? List.of() : methods;
    }
  }

  /** {@code type} is Exact, PathPrefix (the default) or RegularExpression. */
  public record PathMatch(String type, String value, Boolean invert) {}

  /** Every field set must match; within one, any entry may. */
  public record Principal(List<String> clientCIDRs, Jwt jwt, List<Header> headers, JsonNode clientIPGeoLocations) {
    public Principal {
      clientCIDRs = clientCIDRs == null ? List.of() : clientCIDRs;
      headers = headers == null ? List.of() : headers;
    }
  }

  public record Header(String name, List<String> values) {
    public Header {
      values = values == null ? List.of() : values;
    }
  }

  /** Claims and scopes of the token {@code provider} (a provider of the same policy) verified. */
  public record Jwt(String provider, List<Claim> claims, List<String> scopes) {
    public Jwt {
      claims = claims == null ? List.of() : claims;
      scopes = scopes == null ? List.of() : scopes;
    }
  }

  /** {@code valueType} is String (the default) or StringArray. */
  public record Claim(String name, String valueType, List<String> values) {
    public Claim {
      values = values == null ? List.of() : values;
    }
  }
}
