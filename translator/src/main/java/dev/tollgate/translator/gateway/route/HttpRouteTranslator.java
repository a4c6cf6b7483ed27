package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.extension.ExtensionObjects;
import dev.tollgate.translator.gateway.Durations;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.ir.PathMatchIr;
import dev.tollgate.translator.ir.TimeoutIr;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Translates an HTTPRoute's rules into templates, independent of where the route attaches. */
public final class HttpRouteTranslator {

  private final FilterTranslator filters;
  private final RuleBackends backends;

  public HttpRouteTranslator(BackendResolver resolver, ExtensionObjects extensions) {
    this.filters = new FilterTranslator(resolver, extensions);
    this.backends = new RuleBackends(resolver);
  }

  public TranslatedRoute translate(HttpRoute route) {
    var spec = route.spec() == null ? new HttpRoute.Spec(null, null, null) : route.spec();
    RouteProblems problems = new RouteProblems(spec.rules().stream().map(HttpRoute.Rule::name).toList());
    List<RuleTemplate> templates = new ArrayList<>();
    RouteHostnames.check(spec.hostnames(), problems);
    for (int i = 0; i < spec.rules().size(); i++) {
      HttpRoute.Rule rule = spec.rules().get(i);
      problems.inRule(i);
      String field = "spec.rules[" + i + "]";
      String rulePrefix = XdsNames.routeRule(route.kind(), route.metadata().namespace(), route.metadata().name(), i);
      boolean hasMatches = !rule.matches().isEmpty();
      List<MatchIr> matches = MatchTranslator.ofRule(rule.matches(), field, problems, (m, at) -> MatchTranslator.http(m, at, problems));
      List<PathMatchIr> paths = matches.stream().filter(Objects::nonNull).map(MatchIr::path).toList();
      RuleFilters ruleFilters = filters.translate(route.key(), false, rulePrefix, rule.filters(), paths, field + ".filters", problems);
      DestinationIr destination = ruleFilters.redirect() != null ? null
          : backends.resolve(route.key(), false, rulePrefix, rule.backendRefs(), field + ".backendRefs", problems);
      TimeoutIr timeout = timeouts(rule.timeouts(), field + ".timeouts", problems);
      templates.addAll(problems.ruleDropped(i)
          ? RuleAssembler.dropped(route.key(), rulePrefix, i, matches, hasMatches, false)
          : RuleAssembler.assemble(route.key(), rulePrefix, i, matches, hasMatches, ruleFilters, destination, timeout, false));
    }
    return new TranslatedRoute(templates, problems);
  }

  private static TimeoutIr timeouts(HttpRoute.Timeouts t, String field, RouteProblems problems) {
    if (t == null || (t.request() == null && t.backendRequest() == null)) {
      return null;
    }
    Long request = millis(t.request(), field + ".request", problems);
    Long backend = millis(t.backendRequest(), field + ".backendRequest", problems);
    if (request != null && backend != null && request != 0 && (backend == 0 || backend > request)) {
      problems.invalid(field + ".backendRequest", "must not be longer than the request timeout");
    }
    return new TimeoutIr(request, backend);
  }

  private static Long millis(String value, String field, RouteProblems problems) {
    if (value == null) {
      return null;
    }
    try {
      return Durations.toMillis(value);
    } catch (IllegalArgumentException e) {
      problems.invalid(field, e.getMessage());
      return null;
    }
  }
}
