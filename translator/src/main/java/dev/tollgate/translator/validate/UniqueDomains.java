package dev.tollgate.translator.validate;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain may appear once in a route configuration, across all its virtual hosts: Envoy rejects
 * the whole configuration otherwise (a rule it enforces in code, not in its API's annotations).
 */
final class UniqueDomains {

  private UniqueDomains() {}

  static void check(List<? extends Message> routeConfigs, List<Violation> violations) {
    for (Message m : routeConfigs) {
      RouteConfiguration rc = (RouteConfiguration) m;
      Map<String, Integer> seen = new HashMap<>();
      for (int v = 0; v < rc.getVirtualHostsCount(); v++) {
        List<String> domains = rc.getVirtualHosts(v).getDomainsList();
        for (int d = 0; d < domains.size(); d++) {
          String domain = domains.get(d).toLowerCase(java.util.Locale.ROOT);
          Integer first = seen.putIfAbsent(domain, v);
          if (first != null) {
            violations.add(new Violation(XdsType.ROUTE.label() + " " + rc.getName(),
                FieldPath.ROOT.field("virtual_hosts").index(v).field("domains").index(d).toString(),
                "domain " + Violation.quote(domains.get(d)) + " is already served by virtual_hosts[" + first + "]"));
          }
        }
      }
    }
  }
}
