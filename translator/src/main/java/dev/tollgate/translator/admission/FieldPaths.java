package dev.tollgate.translator.admission;

import dev.tollgate.translator.json.JsonStrings;
import java.util.regex.Pattern;

/**
 * Field paths as Kubernetes writes them: {@code spec.rules[0].backendRefs[1].port}; a map key
 * that is not a plain name goes in brackets ({@code metadata.labels[app.kubernetes.io/name]}).
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
}
