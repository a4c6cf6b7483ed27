package dev.tollgate.translator.admission;

import dev.tollgate.translator.json.JsonStrings;
import java.util.regex.Pattern;

/**
 * Field paths as Kubernetes writes them: {@code spec.rules[0].backendRefs[1].port}; a map key
 * that is not a plain name goes in brackets ({@code metadata.labels[app.kubernetes.io/name]}).
 * Every path in a message is spelt here, whether an admission walk, the binder or a feature built it.
 */
public final class FieldPaths {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$@][A-Za-z0-9_$@-]*");

  private FieldPaths() {}

  public static String child(String path, String name) {
    if (!PLAIN.matcher(name).matches()) {
      return path + "[" + JsonStrings.escape(name.length() > 120 ? name.substring(0, 120) + "..." : name) + "]";
    }
    return path.isEmpty() ? name : path + "." + name;
  }

  public static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * A path relative to {@code prefix} (as {@link #child} and {@link #index} spell it from an
   * empty root: {@code rules[1].name}, {@code [0].name}, or empty for the root itself) placed
   * under it: {@code spec.rules[1].name}, {@code spec[0].name}, {@code spec}.
   */
  public static String join(String prefix, String relative) {
    if (relative == null || relative.isEmpty()) {
      return prefix;
    }
    if (prefix.isEmpty() || relative.startsWith("[")) {
      return prefix + relative;
    }
    return prefix + "." + relative;
  }

  /** {@code path: message}, or the message alone when the path is empty (the object as a whole). */
  public static String located(String path, String message) {
    return path == null || path.isEmpty() ? message : path + ": " + message;
  }
}
