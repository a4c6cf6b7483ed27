package dev.tollgate.review.routes;

import com.google.protobuf.Any;
import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.envoy.PerFilterConfigs;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every HTTP filter of a route's chain in order, whether it runs there and what it does, read
 * from the configuration by each filter type's own rules. With a request, each filter's decision
 * where the request decides it; after a filter denies, the rest are not reached.
 */
public final class FilterReadings {

  private FilterReadings() {}

  public static List<FilterStep> read(GatewayConfig config, RouteContext ctx, HttpRequest request) {
    List<FilterStep> out = new ArrayList<>();
    for (HttpFilter f : ctx.hcm().getHttpFiltersList()) {
      PerFilterConfigs.Activation a = PerFilterConfigs.activation(f, ctx.route(), ctx.virtualHost(), ctx.routeConfiguration());
      StepBuilder step = new StepBuilder(f.getName(), type(f.getTypedConfig()), a.runs(), a.reason());
      NameSources.of(f.getName()).ifPresent(k -> step.from.add(k.toString()));
      if (a.runs()) {
        read(step, f, a, config, ctx, request);
      }
      out.add(step.build());
    }
    return out;
  }

  private static void read(StepBuilder step, HttpFilter f, PerFilterConfigs.Activation a, GatewayConfig config,
      RouteContext ctx, HttpRequest request) {
    Any perRoute = a.perRoute();
    switch (step.type) {
      case "jwt_authn" -> JwtReading.read(step, f, perRoute, config, ctx, request);
      case "ext_authz" -> ExtAuthzReading.read(step, f, perRoute, config, request);
      case "rbac" -> RbacReading.read(step, f, perRoute, request);
      case "api_key_auth", "basic_auth" -> CredentialReading.read(step, f, request);
      case "oauth2" -> step.protects(Protection.OAUTH2, true).detail("OAuth2 login; explain does not follow the flow");
      case "lua", "ext_proc", "wasm", "cors" -> ExtensionReading.read(step, f, perRoute, config);
      case "router" -> step.detail("sends the request as the route says");
      default -> step.detail("a filter of type " + f.getTypedConfig().getTypeUrl().replaceFirst(".*/", "")
          + ", which explain does not read");
    }
  }

  /** {@code envoy.extensions.filters.http.ext_authz.v3.ExtAuthz} → {@code ext_authz}. */
  static String type(Any config) {
    String url = config.getTypeUrl();
    String[] parts = url.replaceFirst(".*/", "").split("\\.");
    if (parts.length >= 5 && parts[1].equals("extensions") && parts[2].equals("filters") && parts[3].equals("http")) {
      return parts[4];
    }
    return parts[parts.length - 1].toLowerCase(Locale.ROOT);
  }
}
