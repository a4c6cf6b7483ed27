package dev.tollgate.translator.ir;

import java.util.List;

/** Header changes: set (overwrite), add (append) and remove. */
public record HeaderOpsIr(List<Header> set, List<Header> add, List<String> remove) {
  public HeaderOpsIr {
    set = List.copyOf(set);
    add = List.copyOf(add);
    remove = List.copyOf(remove);
  }

  public static final HeaderOpsIr NONE = new HeaderOpsIr(List.of(), List.of(), List.of());

  public boolean isEmpty() {
    return set.isEmpty() && add.isEmpty() && remove.isEmpty();
  }

  public record Header(String name, String value) {}
}
