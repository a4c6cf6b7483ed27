package dev.tollgate.translator.gateway;

/** RE2 expressions built from literal text, as Envoy's matchers take them. */
public final class Re2 {

  private Re2() {}

  /** The literal as RE2 reads it: each metacharacter escaped. */
  public static String quote(String literal) {
    return literal.replaceAll("([\\\\.+*?()|\\[\\]{}^$])", "\\\\$1");
  }
}
