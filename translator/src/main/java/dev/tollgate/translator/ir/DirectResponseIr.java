package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;

/**
 * Answer the request from the proxy itself. {@code cause} is the object that made a route answer
 * so in place of forwarding (a policy refused when read, whose routes fail closed), or null; it
 * is provenance only and never reaches Envoy.
 */
public record DirectResponseIr(int status, String body, ObjectKey cause) {

  public DirectResponseIr(int status, String body) {
    this(status, body, null);
  }

  /** The same answer, owed to {@code object}. */
  public DirectResponseIr causedBy(ObjectKey object) {
    return new DirectResponseIr(status, body, object);
  }
}
