package dev.tollgate.translator.model.gatewayapi;

/** A group and kind; an empty group is Kubernetes' core group. */
public record GroupKind(String group, String kind) {
  public GroupKind {
    group = group == null ? "" : group;
  }

  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
