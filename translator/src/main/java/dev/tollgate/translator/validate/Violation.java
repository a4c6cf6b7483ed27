package dev.tollgate.translator.validate;

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
    StringBuilder sb = new StringBuilder(name.length() + 2).append('"');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public String toString() {
    return resource + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
