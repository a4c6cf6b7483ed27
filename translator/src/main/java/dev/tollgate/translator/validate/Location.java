package dev.tollgate.translator.validate;

/**
 * Where in a resource a value stands. A {@link FieldPath} is one; the walker passes a cursor
 * over its own path stack instead, so that no path object is made unless something needs it (a
 * violation, a reference).
 */
public interface Location {

  /** This location as a path that can be kept. */
  FieldPath resolve();

  default FieldPath field(String name) {
    return resolve().field(name);
  }

  default FieldPath index(int i) {
    return resolve().index(i);
  }

  default FieldPath key(Object k) {
    return resolve().key(k);
  }
}
