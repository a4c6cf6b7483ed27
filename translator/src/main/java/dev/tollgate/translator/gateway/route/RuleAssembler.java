package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.DirectResponseIr;
import dev.tollgate.translator.ir.HeaderOpsIr;
import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.ir.TimeoutIr;
import dev.tollgate.translator.model.ObjectKey;
import java.util.ArrayList;
import java.util.List;

/** Combines a rule's matches, filters and destination into one template per match. */
final class RuleAssembler {

  /** What the Gateway API asks for when a rule cannot forward: a 500 from the proxy. */
  static final DirectResponseIr NO_BACKEND = new DirectResponseIr(500, "");

  private RuleAssembler() {}

  static List<RuleTemplate> assemble(ObjectKey route, String rulePrefix, int ruleIndex, List<MatchIr> matches,
      boolean hasMatches, RuleFilters filters, DestinationIr destination, TimeoutIr timeout, boolean grpc) {
    List<RuleTemplate> out = new ArrayList<>();
    for (int j = 0; j < matches.size(); j++) {
      RouteIr ir;
      if (filters.redirect() != null && !filters.failed()) {
        ir = new RouteIr(null, route, null, matches.get(j), null, filters.redirect(), null, null,
            filters.requestHeaders(), filters.responseHeaders(), List.of(), null, grpc, null, filters.extensions());
      } else if (destination == null || filters.failed()) {
        ir = new RouteIr(null, route, null, matches.get(j), null, null, NO_BACKEND, null,
            filters.requestHeaders(), filters.responseHeaders(), List.of(), timeout, grpc, null, filters.extensions());
      } else {
        ir = new RouteIr(null, route, null, matches.get(j), destination, null, null, filters.urlRewrite(),
            filters.requestHeaders(), filters.responseHeaders(), filters.mirrors(), timeout, grpc, null, filters.extensions());
      }
      out.add(new RuleTemplate(rulePrefix, ruleIndex, hasMatches ? j : -1, ir));
    }
    return out;
  }

  /**
   * A dropped rule: each of its matches that is itself valid answers 500 and does nothing else,
   * so requests it would have taken never reach a less specific route. A match that is invalid
   * cannot be given to Envoy at all, and is left out.
   *
   * @param matches the rule's matches by index, null where a match is invalid
   */
  static List<RuleTemplate> dropped(ObjectKey route, String rulePrefix, int ruleIndex, List<MatchIr> matches,
      boolean hasMatches, boolean grpc) {
    List<RuleTemplate> out = new ArrayList<>();
    for (int j = 0; j < matches.size(); j++) {
      if (matches.get(j) != null) {
        RouteIr ir = new RouteIr(null, route, null, matches.get(j), null, null, NO_BACKEND, null,
            HeaderOpsIr.NONE, HeaderOpsIr.NONE, List.of(), null, grpc, null, List.of());
        out.add(new RuleTemplate(rulePrefix, ruleIndex, hasMatches ? j : -1, ir));
      }
    }
    return out;
  }
}
