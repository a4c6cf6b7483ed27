package dev.tollgate.translator.json;

/** Strings shown in messages: JSON-style escapes, so a message always stays on one line. */
public final class JsonStrings {

  private JsonStrings() {}

  /** {@code s} with quotes, backslashes, line separators and control characters escaped. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** {@code s} escaped, in double quotes. */
  public static String quote(String s) {
    return "\"" + escape(s) + "\"";
  }
}
