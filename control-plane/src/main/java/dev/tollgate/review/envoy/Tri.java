package dev.tollgate.review.envoy;

/** True, false, or not decidable from the request alone (Kleene's three-valued logic). */
public enum Tri {
  TRUE, FALSE, UNKNOWN;

  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Tri and(Tri o) {
    if (this == FALSE || o == FALSE) {
      return FALSE;
    }
    return this == TRUE && o == TRUE ? TRUE : UNKNOWN;
  }

  public Tri or(Tri o) {
    if (this == TRUE || o == TRUE) {
      return TRUE;
    }
    return this == FALSE && o == FALSE ? FALSE : UNKNOWN;
  }

  public Tri not() {
    return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
  }
}
