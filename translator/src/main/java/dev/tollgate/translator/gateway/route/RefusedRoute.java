package dev.tollgate.translator.gateway.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tollgate.translator.input.RejectedObject;
import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.model.gatewayapi.ParentReference;
import dev.tollgate.translator.naming.XdsNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A route refused when read, as far as where its traffic goes can still be read: its parents,
 * hostnames and each rule's matches, one by one and leniently. Every match that can be read
 * answers 500 wherever the route attaches, so a broken route (an {@code /admin} route, say, that
 * a SecurityPolicy protects) never lets its requests fall through to a less specific route.
 */
public record RefusedRoute(RouteView view, TranslatedRoute translated) {

  /** Translates one match as written, telling {@code problems} what makes it unusable. */
  private interface MatchReader {
    MatchIr read(JsonNode node, String field, RouteProblems problems);
  }

  public static RefusedRoute http(RejectedObject refused) {
    return read(refused, false, (node, field, problems) -> {
      Binder.Result<HttpRoute.Match> m = Binder.bind(node, HttpRoute.Match.class);
      return readable(node, m, field, problems) ? MatchTranslator.http(m.value(), field, problems) : null;
    });
  }

  public static RefusedRoute grpc(RejectedObject refused) {
    return read(refused, true, (node, field, problems) -> {
      Binder.Result<GrpcRoute.Match> m = Binder.bind(node, GrpcRoute.Match.class);
      return readable(node, m, field, problems) ? MatchTranslator.grpc(m.value(), field, problems) : null;
    });
  }

  private static boolean readable(JsonNode node, Binder.Result<?> bound, String field, RouteProblems problems) {
    // Only a match written as an object says what it matches; anything else would bind as match-all.
    if (node.isObject() && bound.ok() && bound.value() != null) {
      return true;
    }
    problems.invalid(field, "cannot be read");
    return false;
  }

  private static RefusedRoute read(RejectedObject refused, boolean grpc, MatchReader match) {
    JsonNode spec = refused.spec() != null && refused.spec().isObject() ? refused.spec() : MissingNode.getInstance();
    List<ParentReference> parents = new ArrayList<>();
    for (JsonNode node : spec.path("parentRefs")) {
      Binder.Result<ParentReference> ref = Binder.bind(node, ParentReference.class);
      if (ref.ok() && ref.value() != null && ref.value().name() != null) {
        parents.add(ref.value());
      }
    }
    JsonNode written = spec.path("rules");
    // Rules of the wrong shape cannot be read at all: none of their matches is placed.
    List<JsonNode> rules = new ArrayList<>();
    if (written.isArray()) {
      written.forEach(rules::add);
    }
    List<String> ruleNames = new ArrayList<>();
    rules.forEach(r -> ruleNames.add(r.path("name").isTextual() ? r.path("name").asText() : null));
    RouteProblems problems = new RouteProblems(ruleNames);
    problems.rejected(refused.summary() + "; the requests it matches answer 500 until it is fixed");
    List<String> hostnames = hostnames(spec.path("hostnames"), problems);

    String namespace = refused.key().namespace();
    String name = refused.key().name();
    List<RuleTemplate> templates = new ArrayList<>();
    if (written.isMissingNode() || written.isNull()) {
      // The API server would have defaulted one rule matching every path.
      String prefix = XdsNames.routeRule(refused.key().kind(), namespace, name, 0);
      templates.addAll(RuleAssembler.dropped(refused.key(), prefix, 0, List.of(MatchTranslator.MATCH_ALL), false, grpc));
    }
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      JsonNode matchNodes = rule.path("matches");
      if (!rule.isObject() || !(matchNodes.isMissingNode() || matchNodes.isNull() || matchNodes.isArray())) {
        continue;
      }
      List<JsonNode> nodes = new ArrayList<>();
      matchNodes.forEach(nodes::add);
      // What is wrong with the matches is said by the refusal already: this only tells the usable ones apart.
      RouteProblems scratch = new RouteProblems(List.of());
      List<MatchIr> matches = MatchTranslator.ofRule(nodes, "spec.rules[" + i + "]", scratch, (n, at) -> match.read(n, at, scratch));
      boolean hasMatches = !nodes.isEmpty();
      String prefix = XdsNames.routeRule(refused.key().kind(), namespace, name, i);
      templates.addAll(RuleAssembler.dropped(refused.key(), prefix, i, matches, hasMatches, grpc));
    }
    RouteView view = new RouteView(refused.apiVersion(), refused.metadata(), refused.key(), parents, hostnames, ruleNames);
    return new RefusedRoute(view, new TranslatedRoute(templates, problems));
  }

  /** The hostnames as written; if any cannot be read or honoured, the route is placed nowhere. */
  private static List<String> hostnames(JsonNode node, RouteProblems problems) {
    List<String> out = new ArrayList<>();
    if (!node.isMissingNode() && !node.isNull() && !node.isArray()) {
      problems.invalidHostname("spec.hostnames", "cannot be read, so where the route's requests go is unknown");
      return out;
    }
    for (JsonNode host : node) {
      if (!host.isTextual()) {
        problems.invalidHostname("spec.hostnames", "cannot be read, so where the route's requests go is unknown");
        return out;
      }
      out.add(host.asText());
    }
    RouteHostnames.check(out, problems);
    return out;
  }
}
