package dev.tollgate.translator.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.translator.model.ObjectKey;

/** The status Tollgate computed for one object, as it would be written to Kubernetes. */
@JsonPropertyOrder({"apiVersion", "kind", "namespace", "name", "status"})
public record ObjectStatus(
    String apiVersion,
    String kind,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String namespace,
    String name,
    Object status) {

  /** Kind, then namespace, then name. */
  public static final java.util.Comparator<ObjectStatus> ORDER =
      java.util.Comparator.comparing(ObjectStatus::key);

  public ObjectKey key() {
    return new ObjectKey(kind, namespace, name);
  }
}
