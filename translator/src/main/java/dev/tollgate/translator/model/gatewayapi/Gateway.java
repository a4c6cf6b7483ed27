package dev.tollgate.translator.model.gatewayapi;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/** {@code gateway.networking.k8s.io} Gateway. */
public record Gateway(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements KubernetesObject {

  public record Spec(
      String gatewayClassName,
      List<Listener> listeners,
      List<Address> addresses,
      Infrastructure infrastructure) {
    public Spec {
      listeners = listeners == null ? List.of() : listeners;
      addresses = addresses == null ? List.of() : addresses;
    }
  }

  public record Listener(
      String name,
      String hostname,
      Integer port,
      String protocol,
      ListenerTls tls,
      AllowedRoutes allowedRoutes) {}

  public record ListenerTls(
      String mode, List<SecretObjectReference> certificateRefs, Map<String, String> options) {
    public ListenerTls {
      certificateRefs = certificateRefs == null ? List.of() : certificateRefs;
      options = options == null ? Map.of() : options;
    }
  }

  public record SecretObjectReference(String group, String kind, String name, String namespace) {}

  public record AllowedRoutes(RouteNamespaces namespaces, List<GroupKind> kinds) {
    public AllowedRoutes {
      kinds = kinds == null ? List.of() : kinds;
    }
  }

  public record RouteNamespaces(String from, LabelSelector selector) {}

  public record Address(String type, String value) {}

  public record Infrastructure(
      Map<String, String> labels,
      Map<String, String> annotations,
      LocalParametersReference parametersRef) {}

  public record LocalParametersReference(String group, String kind, String name) {}
}
