package dev.tollgate.patch.jsonpath;

/** A query that is not valid RFC 9535 JSONPath; the message says where and why. */
public final class JsonPathException extends IllegalArgumentException {
  JsonPathException(String message) {
    super(message);
  }
}
