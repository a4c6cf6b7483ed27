package dev.tollgate.translator.admission.cel;

import java.util.function.Function;

/** The {@code isIP}-style predicates: whether a parser accepts the text. */
final class Parses {

  private Parses() {}

  /** True when {@code parser} accepts {@code text}; parsers signal refusal with IllegalArgumentException. */
  static boolean succeeds(Function<String, ?> parser, String text) {
    try {
      parser.apply(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
