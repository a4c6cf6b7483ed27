package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.gateway.Hostnames;
import java.util.List;

/** Checks a route's hostnames before they are intersected with listeners. */
final class RouteHostnames {
  private RouteHostnames() {}

  static void check(List<String> hostnames, RouteProblems problems) {
    for (int i = 0; i < hostnames.size(); i++) {
      String problem = Hostnames.problem(hostnames.get(i));
      if (problem != null) {
        problems.invalidHostname("spec.hostnames[" + i + "]", problem);
      }
    }
  }
}
