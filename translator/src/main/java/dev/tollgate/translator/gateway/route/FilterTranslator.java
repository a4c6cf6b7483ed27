package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.gateway.Hostnames;
import dev.tollgate.translator.gateway.HttpSyntax;
import dev.tollgate.translator.gateway.backend.BackendRequest;
import dev.tollgate.translator.gateway.backend.BackendResolution;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.extension.ExtensionObjects;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.ir.HeaderOpsIr;
import dev.tollgate.translator.ir.MirrorIr;
import dev.tollgate.translator.ir.PathMatchIr;
import dev.tollgate.translator.ir.PrefixRewriteIr;
import dev.tollgate.translator.ir.RedirectIr;
import dev.tollgate.translator.ir.UrlRewriteIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import dev.tollgate.translator.model.gatewayapi.HeaderModifier;
import dev.tollgate.translator.model.gatewayapi.HttpRouteFilter;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import dev.tollgate.translator.validate.HeaderMutations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Translates a rule's filters (HTTPRoute and GRPCRoute share the shapes). */
final class FilterTranslator {

  private static final Set<String> HTTP_FILTERS = Set.of(
      "RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite", "RequestMirror", "ExtensionRef");
  private static final Set<String> GRPC_FILTERS = Set.of(
      "RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "ExtensionRef");
  private static final Set<Integer> REDIRECT_CODES = Set.of(301, 302, 303, 307, 308);

  private final BackendResolver backends;
  private final ExtensionObjects extensions;

  FilterTranslator(BackendResolver backends, ExtensionObjects extensions) {
    this.backends = backends;
    this.extensions = extensions;
  }

  /**
   * @param pathMatches the rule's path matches, which a ReplacePrefixMatch rewrites
   */
  RuleFilters translate(ObjectKey route, boolean grpc, String rulePrefix, List<HttpRouteFilter> filters,
      List<PathMatchIr> pathMatches, String field, RouteProblems problems) {
    HeaderOpsIr request = HeaderOpsIr.NONE;
    HeaderOpsIr response = HeaderOpsIr.NONE;
    RedirectIr redirect = null;
    UrlRewriteIr rewrite = null;
    List<MirrorIr> mirrors = new ArrayList<>();
    boolean failed = false;
    List<ExtensionResourceIr> extensionResources = new ArrayList<>();
    Set<String> seenTypes = new HashSet<>();
    for (int i = 0; i < filters.size(); i++) {
      HttpRouteFilter f = filters.get(i);
      String at = field + "[" + i + "]";
      String type = Objects.requireNonNullElse(f.type(), "");
      if (!(grpc ? GRPC_FILTERS : HTTP_FILTERS).contains(type)) {
        problems.invalid(at + ".type", "filter type \"" + type + "\" is not supported");
        continue;
      }
      if (!type.equals("RequestMirror") && !type.equals("ExtensionRef") && !seenTypes.add(type)) {
        problems.invalid(at + ".type", "filter type " + type + " may appear only once in a rule");
        continue;
      }
      switch (type) {
        case "RequestHeaderModifier" -> request = headers(f.requestHeaderModifier(), at + ".requestHeaderModifier", problems);
        case "ResponseHeaderModifier" -> response = headers(f.responseHeaderModifier(), at + ".responseHeaderModifier", problems);
        case "RequestRedirect" -> redirect = redirect(f.requestRedirect(), pathMatches, at + ".requestRedirect", problems);
        case "URLRewrite" -> rewrite = rewrite(f.urlRewrite(), pathMatches, at + ".urlRewrite", problems);
        case "RequestMirror" -> {
          MirrorIr mirror = mirror(route, rulePrefix, i, f.requestMirror(), at + ".requestMirror", problems);
          if (mirror != null) {
            mirrors.add(mirror);
          }
        }
        default -> {
          ExtensionResourceIr resource = extension(route, f.extensionRef(), at + ".extensionRef", problems);
          if (resource == null) {
            failed = true;
          } else {
            extensionResources.add(resource);
          }
        }
      }
    }
    if (redirect != null && rewrite != null) {
      problems.invalid(field, "RequestRedirect and URLRewrite cannot be used in the same rule");
    }
    return new RuleFilters(request, response, redirect, rewrite, mirrors, failed, extensionResources);
  }

  /**
   * An {@code extensionRef} to an object of a configured extension kind, in the route's namespace.
   * Anything else cannot be honoured, and the Gateway API then asks for the rule to fail rather
   * than to skip the filter.
   */
  private ExtensionResourceIr extension(ObjectKey route, HttpRouteFilter.LocalObjectReference ref, String field,
      RouteProblems problems) {
    if (ref == null || ref.name() == null || ref.kind() == null) {
      problems.invalid(field, "extensionRef with kind and name is required");
      return null;
    }
    GroupKind kind = new GroupKind(ref.group(), ref.kind());
    if (!extensions.isFilterKind(kind)) {
      problems.unresolved(field, Reason.INVALID_KIND, "extension kind " + kind + " is not configured");
      return null;
    }
    var found = extensions.find(kind, route.namespace(), ref.name());
    if (found.isEmpty()) {
      problems.unresolved(field, Reason.BACKEND_NOT_FOUND, kind + " " + route.namespace() + "/" + ref.name() + " not found");
      return null;
    }
    return found.get();
  }

  private static HeaderOpsIr headers(HeaderModifier m, String field, RouteProblems problems) {
    if (m == null) {
      problems.invalid(field, "is required for this filter type");
      return HeaderOpsIr.NONE;
    }
    Set<String> names = new HashSet<>();
    List<HeaderOpsIr.Header> set = headerList(m.set(), field + ".set", "set", names, problems);
    List<HeaderOpsIr.Header> add = headerList(m.add(), field + ".add", "added", names, problems);
    for (int i = 0; i < m.remove().size(); i++) {
      String name = m.remove().get(i);
      String problem = mutationProblem(name, "removed");
      if (problem == null) {
        problem = HttpSyntax.headerNameProblem(name);
      }
      if (problem != null) {
        problems.invalid(field + ".remove[" + i + "]", problem);
      } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
        problems.invalid(field + ".remove[" + i + "]", "header \"" + name + "\" is modified more than once");
      }
    }
    return new HeaderOpsIr(set, add, m.remove());
  }

  /**
   * Envoy refuses a route configuration whose header lists touch host or a pseudo-header, so such
   * a modifier is an invalid value here rather than a Gateway Envoy would reject.
   */
  private static String mutationProblem(String name, String verb) {
    String refusal = HeaderMutations.refusal(name);
    return refusal == null ? null : "header \"" + name + "\" cannot be " + verb + ": " + refusal;
  }

  private static List<HeaderOpsIr.Header> headerList(
      List<HeaderModifier.Header> headers, String field, String verb, Set<String> names, RouteProblems problems) {
    List<HeaderOpsIr.Header> out = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      HeaderModifier.Header h = headers.get(i);
      String problem = mutationProblem(h.name(), verb);
      if (problem == null) {
        problem = HttpSyntax.headerNameProblem(h.name());
      }
      if (problem == null && !names.add(h.name().toLowerCase(Locale.ROOT))) {
        problem = "header \"" + h.name() + "\" is modified more than once";
      }
      if (problem != null) {
        problems.invalid(field + "[" + i + "].name", problem);
        continue;
      }
      String valueProblem = HttpSyntax.headerValueProblem(h.value());
      if (valueProblem != null) {
        problems.invalid(field + "[" + i + "].value", valueProblem);
        continue;
      }
      out.add(new HeaderOpsIr.Header(h.name(), h.value()));
    }
    return out;
  }

  private static RedirectIr redirect(HttpRouteFilter.RequestRedirect r, List<PathMatchIr> pathMatches, String field, RouteProblems problems) {
    if (r == null) {
      problems.invalid(field, "is required for this filter type");
      return null;
    }
    if (r.scheme() != null && !r.scheme().equals("http") && !r.scheme().equals("https")) {
      problems.invalid(field + ".scheme", "\"" + r.scheme() + "\" is not one of http, https");
    }
    if (r.hostname() != null && Hostnames.problem(r.hostname()) != null) {
      problems.invalid(field + ".hostname", Hostnames.problem(r.hostname()));
    }
    if (r.hostname() != null && r.hostname().startsWith("*")) {
      problems.invalid(field + ".hostname", "must not be a wildcard");
    }
    if (r.port() != null && (r.port() < 1 || r.port() > 65535)) {
      problems.invalid(field + ".port", "must be between 1 and 65535");
    }
    int status = r.statusCode() == null ? 302 : r.statusCode();
    if (!REDIRECT_CODES.contains(status)) {
      problems.invalid(field + ".statusCode", status + " is not one of 301, 302, 303, 307, 308");
    }
    PathChange path = path(r.path(), pathMatches, field + ".path", problems);
    return new RedirectIr(r.scheme(), r.hostname(), r.port(), path.full(), path.prefix(), status);
  }

  private static UrlRewriteIr rewrite(HttpRouteFilter.UrlRewrite r, List<PathMatchIr> pathMatches, String field, RouteProblems problems) {
    if (r == null) {
      problems.invalid(field, "is required for this filter type");
      return null;
    }
    if (r.hostname() != null && (Hostnames.problem(r.hostname()) != null || r.hostname().startsWith("*"))) {
      problems.invalid(field + ".hostname", "must be a hostname without wildcard");
    }
    PathChange path = path(r.path(), pathMatches, field + ".path", problems);
    return new UrlRewriteIr(r.hostname(), path.full(), path.prefix());
  }

  private record PathChange(String full, PrefixRewriteIr prefix) {}

  private static PathChange path(HttpRouteFilter.PathModifier p, List<PathMatchIr> pathMatches, String field, RouteProblems problems) {
    if (p == null) {
      return new PathChange(null, null);
    }
    switch (Objects.requireNonNullElse(p.type(), "")) {
      case "ReplaceFullPath" -> {
        String problem = HttpSyntax.pathProblem(p.replaceFullPath());
        if (problem != null) {
          problems.invalid(field + ".replaceFullPath", problem);
        }
        return new PathChange(p.replaceFullPath(), null);
      }
      case "ReplacePrefixMatch" -> {
        if (pathMatches.size() != 1 || pathMatches.get(0).type() != PathMatchIr.Type.PATH_PREFIX) {
          problems.invalid(field, "ReplacePrefixMatch needs the rule to have exactly one match, of type PathPrefix");
          return new PathChange(null, null);
        }
        String replacement = Objects.requireNonNullElse(p.replacePrefixMatch(), "/");
        if (!replacement.startsWith("/")) {
          problems.invalid(field + ".replacePrefixMatch", "must start with '/'");
        }
        return new PathChange(null, new PrefixRewriteIr(pathMatches.get(0).value(), replacement));
      }
      default -> {
        problems.invalid(field + ".type", "\"" + p.type() + "\" is not one of ReplaceFullPath, ReplacePrefixMatch");
        return new PathChange(null, null);
      }
    }
  }

  private MirrorIr mirror(ObjectKey route, String rulePrefix, int filterIndex, HttpRouteFilter.RequestMirror m,
      String field, RouteProblems problems) {
    if (m == null || m.backendRef() == null) {
      problems.invalid(field + ".backendRef", "is required");
      return null;
    }
    double percent = 100;
    if (m.percent() != null && m.fraction() != null) {
      problems.invalid(field, "only one of percent and fraction may be set");
    } else if (m.percent() != null) {
      percent = m.percent();
    } else if (m.fraction() != null) {
      int denominator = m.fraction().denominator() == null ? 100 : m.fraction().denominator();
      int numerator = Objects.requireNonNullElse(m.fraction().numerator(), 0);
      if (denominator < 1 || numerator < 0 || numerator > denominator) {
        problems.invalid(field + ".fraction", "numerator must be between 0 and the denominator, which must be at least 1");
        return null;
      }
      percent = 100.0 * numerator / denominator;
    }
    if (percent < 0 || percent > 100) {
      problems.invalid(field + ".percent", "must be between 0 and 100");
      return null;
    }
    BackendResolution resolution = backends.resolve(route, RouteView.GROUP, m.backendRef(), BackendRequest.Purpose.ROUTE);
    if (resolution instanceof BackendResolution.Unresolved u) {
      problems.unresolved(field + ".backendRef", u.reason(), u.message());
      return null;
    }
    if (percent == 0) {
      return null;
    }
    var resolved = (BackendResolution.Resolved) resolution;
    String cluster = XdsNames.mirror(rulePrefix, filterIndex);
    DestinationIr destination = new DestinationIr(cluster, route, resolved.protocol(),
        List.of(resolved.backend(XdsNames.backend(cluster, 0), 1)), 0);
    return new MirrorIr(destination, percent);
  }
}
