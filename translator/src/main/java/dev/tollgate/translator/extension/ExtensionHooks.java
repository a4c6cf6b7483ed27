package dev.tollgate.translator.extension;

import dev.tollgate.translator.ir.ExtensionResourceIr;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;

/**
 * The hooks an extension server offers, in the terms of Envoy's own messages. Each call returns
 * the modified resource, or null to leave it as it was; it throws when the extension could not be
 * asked or did not answer in time. How the extension is reached is not the translator's concern.
 */
public interface ExtensionHooks {

  /**
   * @param hostnames the domains of the virtual host the route is in
   * @param resources the extension objects the route's rule names, and extension policies that target the route
   */
  Route postRouteModify(Route route, List<String> hostnames, List<ExtensionResourceIr> resources) throws ExtensionHookException;

  VirtualHost postVirtualHostModify(VirtualHost virtualHost) throws ExtensionHookException;

  /** @param policies extension policies that target the Gateway or one of the listener's sections */
  Listener postHttpListenerModify(Listener listener, List<ExtensionResourceIr> policies) throws ExtensionHookException;

  /** @param backends the extension backend objects the cluster sends traffic to */
  Cluster postClusterModify(Cluster cluster, List<ExtensionResourceIr> backends) throws ExtensionHookException;

  /** The endpoints of one EDS cluster; the answer must keep its cluster name. */
  ClusterLoadAssignment postEndpointsModify(ClusterLoadAssignment loadAssignment) throws ExtensionHookException;

  /**
   * @param resources what is sent, as the translation settings choose
   * @param policies every extension policy
   * @return the complete replacement of the types that were sent
   */
  TranslationResources postTranslateModify(TranslationResources resources, List<ExtensionResourceIr> policies)
      throws ExtensionHookException;
}
