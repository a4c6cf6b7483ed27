package dev.tollgate.translator.admission.rules;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How a schema's property names appear in CEL rules, as Kubernetes escapes them: a CEL keyword
 * becomes {@code __keyword__} ({@code namespace} is {@code __namespace__}), and {@code __},
 * {@code .}, {@code -} and {@code /} become {@code __underscores__}, {@code __dot__},
 * {@code __dash__} and {@code __slash__}.
 */
final class PropertyNames {

  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "in", "as", "break", "const", "continue",
      "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while");
  private static final Pattern ESCAPABLE = Pattern.compile("[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*");

  /** Escapes are computed once per property name: the names are the schemas', a bounded set. */
  private static final Map<String, String> ESCAPED = new ConcurrentHashMap<>();

  private PropertyNames() {}

  static String escape(String name) {
    return ESCAPED.computeIfAbsent(name, PropertyNames::compute);
  }

  private static String compute(String name) {
    if (KEYWORDS.contains(name)) {
      return "__" + name + "__";
    }
    if (!ESCAPABLE.matcher(name).matches()) {
      return name; // not addressable as a field; rules can still index it
    }
    return name.replace("__", "__underscores__").replace(".", "__dot__").replace("-", "__dash__").replace("/", "__slash__");
  }
}
