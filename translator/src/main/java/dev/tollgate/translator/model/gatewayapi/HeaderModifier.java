package dev.tollgate.translator.model.gatewayapi;

import java.util.List;

/** The RequestHeaderModifier / ResponseHeaderModifier filter configuration. */
public record HeaderModifier(List<Header> set, List<Header> add, List<String> remove) {
  public HeaderModifier {
    set = set == null ? List.of() : set;
    add = add == null ? List.of() : add;
    remove = remove == null ? List.of() : remove;
  }

  public record Header(String name, String value) {}
}
