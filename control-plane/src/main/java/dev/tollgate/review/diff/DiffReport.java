package dev.tollgate.review.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a change to the input does to the generated configuration and statuses; the JSON form of {@code diff -o json}. */
@JsonPropertyOrder({"classes", "findings", "gateways", "statuses", "inputs"})
public record DiffReport(List<Finding> findings, List<GatewayChange> gateways, List<StatusChange> statuses, List<InputChange> inputs) {

  /** The classes {@code --fail-on} takes. */
  public static final List<String> CLASSES = List.of("authorization-weakened", "route-removed", "route-added",
      "status-regressed", "config-changed", "status-changed");

  /** True when neither the configuration nor any status changed (the input may have, in form only). */
  public boolean empty() {
    return gateways.isEmpty() && statuses.isEmpty();
  }

  @com.fasterxml.jackson.annotation.JsonProperty("classes")
  public Set<String> classes() {
    Set<String> out = new TreeSet<>();
    findings.forEach(f -> out.add(f.kind()));
    if (!gateways.isEmpty()) {
      out.add("config-changed");
    }
    if (!statuses.isEmpty()) {
      out.add("status-changed");
    }
    return out;
  }

  /** A change a reviewer must look at, classed. */
  @JsonPropertyOrder({"class", "gateway", "route", "detail", "because"})
  public record Finding(@com.fasterxml.jackson.annotation.JsonProperty("class") String kind, String gateway, String route,
      String detail, List<String> because) {}

  /** A Gateway whose configuration was added, removed or changed, resource by resource. */
  @JsonPropertyOrder({"gateway", "change", "resources"})
  public record GatewayChange(String gateway, String change, List<ResourceChange> resources) {}

  @JsonPropertyOrder({"type", "name", "change", "because", "fields"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ResourceChange(String type, String name, String change, List<String> because, List<TreeDiff.Change> fields) {}

  @JsonPropertyOrder({"object", "change", "regressed", "fields"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record StatusChange(String object, String change, boolean regressed, List<TreeDiff.Change> fields) {}

  /**
   * An input object that was added, removed or changed (with the fields that did), or is {@code
   * refused} (in the files, but refused when read) or {@code repaired} (refused before, read now).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record InputChange(String object, String change, List<String> fields) {}
}
