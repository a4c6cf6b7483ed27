package dev.tollgate.translator.validate;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ByteString;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.HttpUri;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import java.util.List;
import java.util.Map;

/**
 * What Tollgate knows about particular Envoy messages beyond their PGV rules: which fields name
 * other resources (for cross references), and rules Envoy enforces in code. The one place that
 * knows these fields, by message type.
 */
final class KnownMessages {

  /** Work done on one message once its fields (and children) have been walked. */
  interface Special {
    /** The fields the work reads; the walker captures their values. */
    List<String> fields();

    /**
     * @param refsStart where the references found inside this message (its children) begin in {@code refs}
     */
    void apply(Captured c, FieldPath path, ViolationSink sink, List<References> refs, int refsStart);
  }

  static final String ROUTER_NAME = "envoy.filters.http.router";
  private static final String ROUTER_TYPE = "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router";

  private static final Map<String, Special> BY_TYPE = Map.of(
      RouteAction.getDescriptor().getFullName(),
          special(List.of("cluster", "cluster_not_found_response_code"), KnownMessages::routeAction),
      WeightedCluster.ClusterWeight.getDescriptor().getFullName(), special(List.of("name"), (c, p, s, refs, start) ->
          refs.add(new References(XdsType.CLUSTER, c.string("name"), p.field("name"), false, true))),
      RouteAction.RequestMirrorPolicy.getDescriptor().getFullName(), clusterField("cluster"),
      GrpcService.EnvoyGrpc.getDescriptor().getFullName(), clusterField("cluster_name"),
      HttpUri.getDescriptor().getFullName(), clusterField("cluster"),
      TcpProxy.getDescriptor().getFullName(), clusterField("cluster"),
      Rds.getDescriptor().getFullName(), special(List.of("config_source", "route_config_name"), (c, p, s, refs, start) -> {
        if (isAds(c.message("config_source"))) {
          refs.add(References.to(XdsType.ROUTE, c.string("route_config_name"), p.field("route_config_name")));
        }
      }),
      SdsSecretConfig.getDescriptor().getFullName(), special(List.of("name", "sds_config"), (c, p, s, refs, start) -> {
        if (isAds(c.message("sds_config"))) {
          refs.add(References.to(XdsType.SECRET, c.string("name"), p.field("name")));
        }
      }),
      HttpConnectionManager.getDescriptor().getFullName(), special(List.of("http_filters"), KnownMessages::routerLast),
      RegexMatcher.getDescriptor().getFullName(), special(List.of("regex"), KnownMessages::regex));

  private KnownMessages() {}

  static Special forType(String fullName) {
    return BY_TYPE.get(fullName);
  }

  private interface Apply {
    void apply(Captured c, FieldPath path, ViolationSink sink, List<References> refs, int refsStart);
  }

  private static Special special(List<String> fields, Apply apply) {
    return new Special() {
      @Override
      public List<String> fields() {
        return fields;
      }

      @Override
      public void apply(Captured c, FieldPath path, ViolationSink sink, List<References> refs, int refsStart) {
        apply.apply(c, path, sink, refs, refsStart);
      }
    };
  }

  private static Special clusterField(String field) {
    return special(List.of(field), (c, p, s, refs, start) -> {
      if (!c.string(field).isEmpty()) {
        refs.add(References.to(XdsType.CLUSTER, c.string(field), p.field(field)));
      }
    });
  }

  private static boolean isAds(ByteString configSource) {
    try {
      return configSource != null
          && ConfigSource.parseFrom(configSource).getConfigSourceSpecifierCase() == ConfigSource.ConfigSourceSpecifierCase.ADS;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  /**
   * A route's own cluster must exist. Its weighted clusters may be missing only when the route
   * answers missing clusters with an explicit 404 or 500 (the default, 503, is not a choice).
   */
  private static void routeAction(Captured c, FieldPath path, ViolationSink sink, List<References> refs, int refsStart) {
    if (!c.string("cluster").isEmpty()) {
      refs.add(References.to(XdsType.CLUSTER, c.string("cluster"), path.field("cluster")));
    }
    if (c.enumNumber("cluster_not_found_response_code") != 0) {
      for (int i = refsStart; i < refs.size(); i++) {
        if (refs.get(i).weighted()) {
          refs.set(i, refs.get(i).allowedMissing());
        }
      }
    }
  }

  /** Exactly one router filter, and it last: Envoy rejects filters after a terminal one and routes nothing without it. */
  private static void routerLast(Captured c, FieldPath path, ViolationSink sink, List<References> refs, int refsStart) {
    List<Object> filters = c.list("http_filters");
    int routers = 0;
    int lastRouter = -1;
    for (int i = 0; i < filters.size(); i++) {
      if (isRouter((ByteString) filters.get(i))) {
        routers++;
        lastRouter = i;
      }
    }
    FieldPath at = path.field("http_filters");
    if (routers == 0) {
      sink.add(at, "must end with the router filter (" + ROUTER_NAME + ")");
    } else if (routers > 1) {
      sink.add(at, "must hold exactly one router filter, not " + routers);
    } else if (lastRouter != filters.size() - 1) {
      sink.add(at.index(lastRouter), "the router filter must be the last HTTP filter");
    }
  }

  /**
   * Envoy compiles every regular expression with RE2 when it loads the resource and refuses one
   * that does not compile. RE2J stands in for RE2: the syntax is the same but for rarities (RE2J
   * refuses {@code \\C}). RE2's program size limit (100 by default) is not checked: RE2J compiles
   * to a different program, so its size says nothing about RE2's.
   */
  private static void regex(Captured c, FieldPath path, ViolationSink sink, List<References> refs, int refsStart) {
    String regex = c.string("regex");
    if (regex.isEmpty()) {
      return; // PGV: min_len
    }
    try {
      com.google.re2j.Pattern.compile(regex);
    } catch (com.google.re2j.PatternSyntaxException e) {
      sink.add(path.field("regex"), "is not a valid RE2 regular expression: " + e.getDescription());
    }
  }

  private static boolean isRouter(ByteString bytes) {
    try {
      HttpFilter f = HttpFilter.parseFrom(bytes);
      return f.hasTypedConfig() ? ROUTER_TYPE.equals(f.getTypedConfig().getTypeUrl()) : ROUTER_NAME.equals(f.getName());
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }
}
