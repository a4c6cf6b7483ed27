package dev.tollgate.translator.ir;

/**
 * A path match.
 *
 * <ul>
 *   <li>{@code EXACT}: the whole path.
 *   <li>{@code PATH_PREFIX}: element by element, as Gateway API's PathPrefix ({@code /foo} matches
 *       {@code /foo} and {@code /foo/bar}, not {@code /foobar}); the value has no trailing slash
 *       unless it is {@code /}.
 *   <li>{@code PREFIX}: a plain string prefix (gRPC services).
 *   <li>{@code REGEX}: an RE2 regular expression over the whole path.
 * </ul>
 */
public record PathMatchIr(Type type, String value) {
  public enum Type {
    EXACT,
    PATH_PREFIX,
    PREFIX,
    REGEX
  }
}
