package dev.tollgate.translator.extension;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The hooks of {@code extensionManager.hooks.xdsTranslator.post}, by the names used there, in the order they run. */
public enum Hook {
  ROUTE("Route", "PostRouteModify"),
  VIRTUAL_HOST("VirtualHost", "PostVirtualHostModify"),
  HTTP_LISTENER("HTTPListener", "PostHTTPListenerModify"),
  CLUSTER("Cluster", "PostClusterModify"),
  // Envoy Gateway names it Endpoints; EDS, the name of the resource type it modifies, is accepted too.
  ENDPOINTS("Endpoints", "PostEndpointsModify", "EDS"),
  TRANSLATION("Translation", "PostTranslateModify");

  private final String configName;
  private final String method;
  private final Set<String> aliases;

  Hook(String configName, String method, String... aliases) {
    this.configName = configName;
    this.method = method;
    this.aliases = Set.of(aliases);
  }

  /** The name in the configuration: Route, VirtualHost, HTTPListener, Cluster, Endpoints, Translation. */
  public String configName() {
    return configName;
  }

  /** The gRPC method of the extension service. */
  public String method() {
    return method;
  }

  public static Optional<Hook> fromConfigName(String name) {
    return Arrays.stream(values()).filter(h -> h.configName.equals(name) || h.aliases.contains(name)).findFirst();
  }
}
