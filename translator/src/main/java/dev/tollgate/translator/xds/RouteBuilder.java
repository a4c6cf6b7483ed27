package dev.tollgate.translator.xds;

import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.HeaderOpsIr;
import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.ir.MirrorIr;
import dev.tollgate.translator.ir.PathMatchIr;
import dev.tollgate.translator.ir.PrefixRewriteIr;
import dev.tollgate.translator.ir.RedirectIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.ir.StringMatchIr;
import dev.tollgate.translator.ir.UrlRewriteIr;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import java.util.List;
import java.util.function.Consumer;

/** Builds one Envoy route from an IR route. */
final class RouteBuilder {

  private final List<HttpFilterContributor> filters;

  RouteBuilder(List<HttpFilterContributor> filters) {
    this.filters = filters;
  }

  /** @param gatewayPort the Gateway listener's port, which a redirect without port keeps */
  Route build(RouteIr ir, int gatewayPort) {
    Route.Builder route = Route.newBuilder().setName(ir.name()).setMatch(match(ir.match()));
    if (ir.redirect() != null) {
      route.setRedirect(redirect(ir.redirect(), gatewayPort));
    } else if (ir.directResponse() != null) {
      DirectResponseAction.Builder dr = DirectResponseAction.newBuilder().setStatus(ir.directResponse().status());
      if (!ir.directResponse().body().isEmpty()) {
        dr.setBody(DataSource.newBuilder().setInlineString(ir.directResponse().body()));
      }
      route.setDirectResponse(dr);
    } else {
      route.setRoute(action(ir));
    }
    headers(ir.requestHeaders(), route::addRequestHeadersToAdd, route::addRequestHeadersToRemove);
    headers(ir.responseHeaders(), route::addResponseHeadersToAdd, route::addResponseHeadersToRemove);
    for (HttpFilterContributor f : filters) {
      f.configureRoute(ir, route);
    }
    return route.build();
  }

  private static RouteMatch match(MatchIr m) {
    RouteMatch.Builder b = RouteMatch.newBuilder();
    PathMatchIr path = m.path();
    switch (path.type()) {
      case EXACT -> b.setPath(path.value());
      case PREFIX -> b.setPrefix(path.value());
      case PATH_PREFIX -> {
        if (path.value().equals("/")) {
          b.setPrefix("/");
        } else {
          b.setPathSeparatedPrefix(path.value());
        }
      }
      case REGEX -> b.setSafeRegex(RegexMatcher.newBuilder().setRegex(path.value()));
    }
    if (m.method() != null) {
      b.addHeaders(HeaderMatcher.newBuilder().setName(":method").setStringMatch(Matchers.exact(m.method())));
    }
    for (StringMatchIr h : m.headers()) {
      b.addHeaders(HeaderMatcher.newBuilder().setName(h.name()).setStringMatch(Matchers.of(h)));
    }
    for (StringMatchIr q : m.queryParams()) {
      b.addQueryParameters(QueryParameterMatcher.newBuilder().setName(q.name()).setStringMatch(Matchers.of(q)));
    }
    return b.build();
  }

  private RouteAction.Builder action(RouteIr ir) {
    DestinationIr d = ir.destination();
    RouteAction.Builder a = RouteAction.newBuilder();
    if (d.invalidWeight() > 0) {
      // The invalid share goes to a cluster that does not exist and is answered with 500.
      a.setWeightedClusters(WeightedCluster.newBuilder()
          .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName(XdsNames.INVALID_BACKEND_CLUSTER)
              .setWeight(Protos.u32(d.invalidWeight())))
          .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName(d.name()).setWeight(Protos.u32(d.validWeight()))));
      a.setClusterNotFoundResponseCode(RouteAction.ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR);
    } else {
      a.setCluster(d.name());
    }
    if (ir.timeout() != null) {
      Long request = ir.timeout().requestMillis();
      Long backend = ir.timeout().backendRequestMillis();
      if (request != null) {
        a.setTimeout(Protos.millis(request));
      } else if (backend != null) {
        a.setTimeout(Protos.millis(backend));
      }
      if (request != null && backend != null) {
        a.setRetryPolicy(RetryPolicy.newBuilder().setNumRetries(Protos.u32(0)).setPerTryTimeout(Protos.millis(backend)));
      }
    }
    UrlRewriteIr rw = ir.urlRewrite();
    if (rw != null) {
      if (rw.hostname() != null) {
        a.setHostRewriteLiteral(rw.hostname()).setAppendXForwardedHost(true);
      }
      if (rw.fullPath() != null) {
        a.setRegexRewrite(RegexMatchAndSubstitute.newBuilder()
            .setPattern(RegexMatcher.newBuilder().setRegex("^/.*$")).setSubstitution(rw.fullPath()));
      } else if (rw.prefixRewrite() != null) {
        prefixRewrite(rw.prefixRewrite(), a::setRegexRewrite, a::setPrefixRewrite);
      }
    }
    for (MirrorIr m : ir.mirrors()) {
      a.addRequestMirrorPolicies(RouteAction.RequestMirrorPolicy.newBuilder()
          .setCluster(m.destination().name())
          .setRuntimeFraction(fraction(m.percent())));
    }
    if (!ir.grpc()) {
      a.addUpgradeConfigs(RouteAction.UpgradeConfig.newBuilder().setUpgradeType("websocket"));
    }
    return a;
  }

  /**
   * Gateway API prefix replacement. Envoy's prefix_rewrite replaces the matched characters only,
   * which would turn /prefix/a into //a when the replacement is "/"; a regex does that case right.
   */
  private static void prefixRewrite(PrefixRewriteIr p, Consumer<RegexMatchAndSubstitute> regex, Consumer<String> prefix) {
    String replacement = p.replacement();
    if (replacement.isEmpty() || replacement.equals("/")) {
      regex.accept(RegexMatchAndSubstitute.newBuilder()
          .setPattern(RegexMatcher.newBuilder().setRegex("^" + escape(p.prefix()) + "/*"))
          .setSubstitution("/")
          .build());
    } else {
      prefix.accept(replacement.endsWith("/") ? replacement.substring(0, replacement.length() - 1) : replacement);
    }
  }

  private static RuntimeFractionalPercent fraction(double percent) {
    FractionalPercent.Builder f = FractionalPercent.newBuilder();
    if (percent == Math.rint(percent)) {
      f.setNumerator((int) percent).setDenominator(FractionalPercent.DenominatorType.HUNDRED);
    } else {
      f.setNumerator((int) Math.round(percent * 10_000)).setDenominator(FractionalPercent.DenominatorType.MILLION);
    }
    return RuntimeFractionalPercent.newBuilder().setDefaultValue(f).build();
  }

  private static RedirectAction redirect(RedirectIr r, int gatewayPort) {
    RedirectAction.Builder b = RedirectAction.newBuilder();
    if (r.scheme() != null) {
      b.setSchemeRedirect(r.scheme());
    }
    if (r.hostname() != null) {
      b.setHostRedirect(r.hostname());
    }
    // Without a port the redirect keeps the listener's port, or the scheme's well-known one;
    // 80 and 443 are left out of the Location header.
    int port = r.port() != null ? r.port()
        : r.scheme() != null ? (r.scheme().equals("https") ? 443 : 80)
        : gatewayPort;
    if (port != 80 && port != 443) {
      b.setPortRedirect(port);
    }
    if (r.fullPath() != null) {
      b.setPathRedirect(r.fullPath());
    } else if (r.prefixRewrite() != null) {
      prefixRewrite(r.prefixRewrite(), b::setRegexRewrite, b::setPrefixRewrite);
    }
    b.setResponseCode(switch (r.statusCode()) {
      case 301 -> RedirectAction.RedirectResponseCode.MOVED_PERMANENTLY;
      case 303 -> RedirectAction.RedirectResponseCode.SEE_OTHER;
      case 307 -> RedirectAction.RedirectResponseCode.TEMPORARY_REDIRECT;
      case 308 -> RedirectAction.RedirectResponseCode.PERMANENT_REDIRECT;
      default -> RedirectAction.RedirectResponseCode.FOUND;
    });
    return b.build();
  }

  /** Escapes RE2 metacharacters in a literal path. */
  static String escape(String literal) {
    return literal.replaceAll("([\\\\.+*?()|\\[\\]{}^$])", "\\\\$1");
  }

  private static void headers(HeaderOpsIr ops, Consumer<HeaderValueOption> add, Consumer<String> remove) {
    for (HeaderOpsIr.Header h : ops.set()) {
      add.accept(option(h, HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD));
    }
    for (HeaderOpsIr.Header h : ops.add()) {
      add.accept(option(h, HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD));
    }
    ops.remove().forEach(remove);
  }

  private static HeaderValueOption option(HeaderOpsIr.Header h, HeaderAppendAction action) {
    return HeaderValueOption.newBuilder()
        .setHeader(HeaderValue.newBuilder().setKey(h.name()).setValue(h.value()))
        .setAppendAction(action)
        .build();
  }
}
