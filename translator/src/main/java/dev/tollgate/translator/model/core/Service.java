package dev.tollgate.translator.model.core;

import dev.tollgate.translator.model.IntOrString;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.List;

/** Core v1 Service: the ports a route's backendRef selects. */
public record Service(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements KubernetesObject {

  public record Spec(String type, String clusterIP, String externalName, List<Port> ports) {
    public Spec {
      ports = ports == null ? List.of() : ports;
    }
  }

  public record Port(
      String name, Integer port, IntOrString targetPort, String protocol, String appProtocol) {}
}
