package dev.tollgate.translator.input;

import dev.tollgate.translator.admission.meta.ObjectMetaRules;
import dev.tollgate.translator.model.KubernetesObject;
import java.util.Locale;
import java.util.Set;

/**
 * One kind Tollgate reads: its API group, the versions accepted, the Java type it binds to and
 * whether its objects live in a namespace. Unknown fields are reported for the kinds whose every
 * field changes what Envoy does; core kinds carry many fields Tollgate has no use for.
 */
public record Kind(
    String group,
    String kind,
    Set<String> versions,
    Class<? extends KubernetesObject> type,
    boolean namespaced,
    boolean reportUnknownFields) {

  public boolean accepts(String version) {
    return versions.contains(version);
  }

  public String apiVersionOf(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The resource name, as in the CRD's {@code spec.names.plural}: {@code httproutes}, {@code envoyproxies}. */
  public String plural() {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s")) {
      return lower + "es";
    }
    boolean consonantY = lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0;
    return consonantY ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
  }

  /**
   * Whether this kind guards traffic: authenticates, authorizes or runs code on requests. An
   * object of such a kind that cannot be read still closes what it targets.
   */
  public boolean guardsTraffic() {
    return group.equals(Kinds.ENVOY_GATEWAY_GROUP)
        && (kind.equals("SecurityPolicy") || kind.equals("EnvoyExtensionPolicy") || kind.equals("EnvoyPatchPolicy"));
  }

  /**
   * Whether a refused object of this kind is still kept, to be read leniently: a policy that
   * guards traffic still closes its targets, a route still answers 500 for the requests it would
   * have matched.
   */
  public boolean keptWhenRefused() {
    return guardsTraffic() || (group.equals(Kinds.GATEWAY_API_GROUP) && (kind.equals("HTTPRoute") || kind.equals("GRPCRoute")));
  }

  /**
   * Whether this kind's status is read: a Service's, where load balancers write the addresses a
   * Gateway's proxy Service is reached at. Every other kind's status is dropped when read: for
   * the kinds Tollgate writes statuses to, it is Tollgate's output, never its input.
   */
  public boolean statusIsInput() {
    return group.isEmpty() && kind.equals("Service");
  }

  /** How the API server checks this kind's object names. */
  public ObjectMetaRules.NameFormat nameFormat() {
    return switch (kind) {
      case "Service" -> ObjectMetaRules.NameFormat.DNS1035_LABEL;
      case "Namespace" -> ObjectMetaRules.NameFormat.DNS1123_LABEL;
      default -> ObjectMetaRules.NameFormat.DNS1123_SUBDOMAIN;
    };
  }
}
