package dev.tollgate.translator.extension;

import java.util.Arrays;
import java.util.Optional;

/** The hooks of {@code extensionManager.hooks.xdsTranslator.post}, by the names used there. */
public enum Hook {
  ROUTE("Route", "PostRouteModify"),
  VIRTUAL_HOST("VirtualHost", "PostVirtualHostModify"),
  HTTP_LISTENER("HTTPListener", "PostHTTPListenerModify"),
  CLUSTER("Cluster", "PostClusterModify"),
  TRANSLATION("Translation", "PostTranslateModify");

  private final String configName;
  private final String method;

  Hook(String configName, String method) {
    this.configName = configName;
    this.method = method;
  }

  /** The name in the configuration: Route, VirtualHost, HTTPListener, Cluster, Translation. */
  public String configName() {
    return configName;
  }

  /** The gRPC method of the extension service. */
  public String method() {
    return method;
  }

  public static Optional<Hook> fromConfigName(String name) {
    return Arrays.stream(values()).filter(h -> h.configName.equals(name)).findFirst();
  }
}
