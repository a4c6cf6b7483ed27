package dev.tollgate.translator.validate;

import dev.tollgate.translator.json.JsonStrings;

/**
 * One thing Envoy would reject, e.g. {@code cluster x: connect_timeout: must be greater than 0s}.
 *
 * @param resource the resource, as "type-label name" (e.g. {@code route configuration default/eg/http})
 * @param path the field path in proto field names, e.g. {@code virtual_hosts[0].domains}; empty
 *     for the resource as a whole
 */
public record Violation(String resource, String path, String message) {
  /** A name in double quotes, control characters escaped so a message stays on one line. */
  public static String quote(String name) {
    return JsonStrings.quote(name);
  }

  @Override
  public String toString() {
    return resource + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
