package dev.tollgate.translator.validate;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules Envoy enforces on a route's action when it loads the route configuration, beyond its
 * API's annotations: weighted clusters must weigh more than 0 in total; at most one of
 * prefix_rewrite, regex_rewrite and path_rewrite_policy; an upgrade type appears once (any case).
 */
final class RouteActionRules {

  private RouteActionRules() {}

  static void check(List<? extends Message> routeConfigs, List<Violation> violations) {
    for (Message m : routeConfigs) {
      RouteConfiguration rc = (RouteConfiguration) m;
      ViolationSink sink = new ViolationSink(() -> XdsType.ROUTE.label() + " " + rc.getName(), violations);
      for (int v = 0; v < rc.getVirtualHostsCount(); v++) {
        VirtualHost vh = rc.getVirtualHosts(v);
        for (int r = 0; r < vh.getRoutesCount(); r++) {
          Route route = vh.getRoutes(r);
          if (route.hasRoute()) {
            check(route.getRoute(), FieldPath.ROOT.field("virtual_hosts").index(v).field("routes").index(r).field("route"), sink);
          }
        }
      }
    }
  }

  private static void check(RouteAction action, FieldPath at, ViolationSink sink) {
    if (action.hasWeightedClusters()) {
      long total = 0;
      for (WeightedCluster.ClusterWeight cw : action.getWeightedClusters().getClustersList()) {
        total += cw.getWeight().getValue();
      }
      if (total == 0) {
        sink.add(at.field("weighted_clusters").field("clusters"), "the weights must add up to more than 0");
      }
    }
    int rewrites = (action.getPrefixRewrite().isEmpty() ? 0 : 1) + (action.hasRegexRewrite() ? 1 : 0)
        + (action.hasPathRewritePolicy() ? 1 : 0);
    if (rewrites > 1) {
      sink.add(at, "only one of prefix_rewrite, regex_rewrite and path_rewrite_policy may be set");
    }
    Map<String, Integer> upgrades = new HashMap<>();
    for (int u = 0; u < action.getUpgradeConfigsCount(); u++) {
      String type = action.getUpgradeConfigs(u).getUpgradeType();
      Integer first = upgrades.putIfAbsent(type.toLowerCase(Locale.ROOT), u);
      if (first != null) {
        sink.add(at.field("upgrade_configs").index(u).field("upgrade_type"),
            "upgrade type " + Violation.quote(type) + " is already configured by upgrade_configs[" + first + "]");
      }
    }
  }
}
