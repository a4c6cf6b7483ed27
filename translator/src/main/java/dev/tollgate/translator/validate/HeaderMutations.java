package dev.tollgate.translator.validate;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import java.util.List;
import java.util.Locale;

/**
 * Header mutations Envoy refuses when it loads a route configuration, though its API's
 * annotations allow them: no header list of a route configuration, virtual host, route or
 * weighted cluster may add, set or remove {@code host} (any case) or a {@code :}-prefixed
 * pseudo-header, requests and responses alike; and a header option may not carry both the
 * deprecated {@code append} and an {@code append_action} other than the default.
 */
public final class HeaderMutations {

  private HeaderMutations() {}

  private static final String REFUSAL =
      "Envoy refuses to add, set or remove host and ':'-prefixed pseudo-headers in a route configuration";

  /** Null when Envoy lets route configuration add, set or remove the header, else why not. */
  public static String refusal(String name) {
    boolean refused = name != null && (name.startsWith(":") || name.toLowerCase(Locale.ROOT).equals("host"));
    return refused ? REFUSAL : null;
  }

  /** The headers lists of one level (route configuration, virtual host, route or weighted cluster). */
  private record Lists(List<HeaderValueOption> requestAdd, List<String> requestRemove,
      List<HeaderValueOption> responseAdd, List<String> responseRemove) {}

  static void check(List<? extends Message> routeConfigs, List<Violation> violations) {
    for (Message m : routeConfigs) {
      RouteConfiguration rc = (RouteConfiguration) m;
      ViolationSink sink = new ViolationSink(() -> XdsType.ROUTE.label() + " " + rc.getName(), violations);
      check(new Lists(rc.getRequestHeadersToAddList(), rc.getRequestHeadersToRemoveList(),
          rc.getResponseHeadersToAddList(), rc.getResponseHeadersToRemoveList()), FieldPath.ROOT, sink);
      for (int v = 0; v < rc.getVirtualHostsCount(); v++) {
        VirtualHost vh = rc.getVirtualHosts(v);
        FieldPath vhPath = FieldPath.ROOT.field("virtual_hosts").index(v);
        check(new Lists(vh.getRequestHeadersToAddList(), vh.getRequestHeadersToRemoveList(),
            vh.getResponseHeadersToAddList(), vh.getResponseHeadersToRemoveList()), vhPath, sink);
        for (int r = 0; r < vh.getRoutesCount(); r++) {
          Route route = vh.getRoutes(r);
          FieldPath routePath = vhPath.field("routes").index(r);
          check(new Lists(route.getRequestHeadersToAddList(), route.getRequestHeadersToRemoveList(),
              route.getResponseHeadersToAddList(), route.getResponseHeadersToRemoveList()), routePath, sink);
          List<WeightedCluster.ClusterWeight> weighted = route.getRoute().getWeightedClusters().getClustersList();
          for (int w = 0; w < weighted.size(); w++) {
            WeightedCluster.ClusterWeight cw = weighted.get(w);
            check(new Lists(cw.getRequestHeadersToAddList(), cw.getRequestHeadersToRemoveList(),
                cw.getResponseHeadersToAddList(), cw.getResponseHeadersToRemoveList()),
                routePath.field("route").field("weighted_clusters").field("clusters").index(w), sink);
          }
        }
      }
    }
  }

  private static void check(Lists lists, FieldPath at, ViolationSink sink) {
    added(lists.requestAdd(), at.field("request_headers_to_add"), sink);
    removed(lists.requestRemove(), at.field("request_headers_to_remove"), sink);
    added(lists.responseAdd(), at.field("response_headers_to_add"), sink);
    removed(lists.responseRemove(), at.field("response_headers_to_remove"), sink);
  }

  private static void added(List<HeaderValueOption> options, FieldPath at, ViolationSink sink) {
    for (int i = 0; i < options.size(); i++) {
      HeaderValueOption o = options.get(i);
      String refusal = refusal(o.getHeader().getKey());
      if (refusal != null) {
        sink.add(at.index(i).field("header").field("key"), Violation.quote(o.getHeader().getKey()) + ": " + refusal);
      }
      if (o.hasAppend() && o.getAppendAction() != HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD) {
        sink.add(at.index(i).field("append"), "must not be set together with append_action " + o.getAppendAction().name());
      }
    }
  }

  private static void removed(List<String> names, FieldPath at, ViolationSink sink) {
    for (int i = 0; i < names.size(); i++) {
      String refusal = refusal(names.get(i));
      if (refusal != null) {
        sink.add(at.index(i), Violation.quote(names.get(i)) + ": " + refusal);
      }
    }
  }
}
