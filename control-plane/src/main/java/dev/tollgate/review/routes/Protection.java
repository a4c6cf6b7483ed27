package dev.tollgate.review.routes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an HTTP filter does for a route that a reviewer cares about. */
public enum Protection {
  JWT(Category.AUTHENTICATION),
  API_KEY_AUTH(Category.AUTHENTICATION),
  BASIC_AUTH(Category.AUTHENTICATION),
  OAUTH2(Category.AUTHENTICATION),
  EXT_AUTHZ(Category.AUTHORIZATION),
  RBAC(Category.AUTHORIZATION),
  LUA(Category.EXTENSION),
  EXT_PROC(Category.EXTENSION),
  WASM(Category.EXTENSION);

  /** The columns of {@code explain --routes}. */
  public enum Category { AUTHENTICATION, AUTHORIZATION, EXTENSION }

  private final Category category;

  Protection(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }

  /** {@code jwt}, {@code ext_authz}, ...: as written in output and in {@code --assert}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static java.util.Optional<Protection> byId(String id) {
    for (Protection p : values()) {
      if (p.id().equals(id)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }
}
