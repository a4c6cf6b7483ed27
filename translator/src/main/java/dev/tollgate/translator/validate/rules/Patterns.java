package dev.tollgate.translator.validate.rules;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PGV patterns are RE2 and match anywhere in the value. The JDK's engine agrees with RE2 on the
 * simple patterns Envoy declares and is several times faster, so it is used whenever it accepts
 * the pattern and the pattern has none of the constructs where the two differ; RE2J otherwise.
 */
final class Patterns {

  private Patterns() {}

  static Predicate<String> compile(String re2) {
    if (jdkAgrees(re2)) {
      try {
        Pattern p = Pattern.compile(re2);
        return s -> p.matcher(s).find();
      } catch (PatternSyntaxException e) {
        // fall through to RE2J
      }
    }
    com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(re2);
    return s -> p.matcher(s).find();
  }

  /**
   * No backreference-like escapes, possessive or lookaround syntax, POSIX classes, Unicode
   * classes or flags: the constructs whose meaning differs between RE2 and the JDK.
   */
  private static boolean jdkAgrees(String re2) {
    return !re2.matches(".*(\\\\[0-9pPQEzZbBhHvVRX]|\\(\\?|\\[\\[:|\\*\\+|\\+\\+|\\?\\+|\\}\\+|&&).*");
  }
}
