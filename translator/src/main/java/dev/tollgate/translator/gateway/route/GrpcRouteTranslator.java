package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.extension.ExtensionObjects;
import dev.tollgate.translator.gateway.backend.BackendResolver;
import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.List;

/** Translates a GRPCRoute's rules into templates; its clusters always speak HTTP/2. */
public final class GrpcRouteTranslator {

  private final FilterTranslator filters;
  private final RuleBackends backends;

  public GrpcRouteTranslator(BackendResolver resolver, ExtensionObjects extensions) {
    this.filters = new FilterTranslator(resolver, extensions);
    this.backends = new RuleBackends(resolver);
  }

  public TranslatedRoute translate(GrpcRoute route) {
    var spec = route.spec() == null ? new GrpcRoute.Spec(null, null, null) : route.spec();
    RouteProblems problems = new RouteProblems(spec.rules().stream().map(GrpcRoute.Rule::name).toList());
    List<RuleTemplate> templates = new ArrayList<>();
    RouteHostnames.check(spec.hostnames(), problems);
    for (int i = 0; i < spec.rules().size(); i++) {
      GrpcRoute.Rule rule = spec.rules().get(i);
      problems.inRule(i);
      String field = "spec.rules[" + i + "]";
      String rulePrefix = XdsNames.routeRule(route.kind(), route.metadata().namespace(), route.metadata().name(), i);
      boolean hasMatches = !rule.matches().isEmpty();
      List<MatchIr> matches = MatchTranslator.ofRule(rule.matches(), field, problems, (m, at) -> MatchTranslator.grpc(m, at, problems));
      RuleFilters ruleFilters = filters.translate(route.key(), true, rulePrefix, rule.filters(), List.of(), field + ".filters", problems);
      DestinationIr destination =
          backends.resolve(route.key(), true, rulePrefix, rule.backendRefs(), field + ".backendRefs", problems);
      templates.addAll(problems.ruleDropped(i)
          ? RuleAssembler.dropped(route.key(), rulePrefix, i, matches, hasMatches, true)
          : RuleAssembler.assemble(route.key(), rulePrefix, i, matches, hasMatches, ruleFilters, destination, null, true));
    }
    return new TranslatedRoute(templates, problems);
  }
}
