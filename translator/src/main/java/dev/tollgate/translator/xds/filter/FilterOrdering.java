package dev.tollgate.translator.xds.filter;

import dev.tollgate.translator.ir.FilterOrderIr;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an EnvoyProxy's {@code filterOrder} to a connection manager's filters, as Envoy Gateway
 * does: each entry in turn moves every filter of its type just before the first filter of the
 * {@code before} type, or just after the last of the {@code after} type, keeping their relative
 * order. An entry whose filters are not present, or that already holds, changes nothing: asking
 * for ext_authz after jwt_authn (as Envoy Gateway's walkthroughs do, since its default runs
 * ext_authz first) keeps Tollgate's order, where the authorization rules also run before it.
 */
public final class FilterOrdering {

  private FilterOrdering() {}

  public static List<HttpFilter> apply(List<HttpFilter> filters, List<FilterOrderIr> order) {
    List<HttpFilter> out = new ArrayList<>(filters);
    for (FilterOrderIr position : order) {
      List<HttpFilter> moving = out.stream().filter(f -> isOfType(f, position.name())).toList();
      String anchor = position.before() != null ? position.before() : position.after();
      if (moving.isEmpty() || out.stream().noneMatch(f -> isOfType(f, anchor)) || holds(out, position, anchor)) {
        continue;
      }
      out.removeAll(moving);
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (isOfType(out.get(i), anchor)) {
          if (position.before() != null) {
            at = i;
            break;
          }
          at = i + 1;
        }
      }
      if (at < 0) {
        out.addAll(moving); // the anchor was among the moved filters themselves
      } else {
        out.addAll(at, moving);
      }
    }
    return out;
  }

  /** True when every filter of the type already sits on the asked side of every anchor. */
  private static boolean holds(List<HttpFilter> filters, FilterOrderIr position, String anchor) {
    int firstMoving = -1;
    int lastMoving = -1;
    int firstAnchor = -1;
    int lastAnchor = -1;
    for (int i = 0; i < filters.size(); i++) {
      if (isOfType(filters.get(i), position.name())) {
        firstMoving = firstMoving < 0 ? i : firstMoving;
        lastMoving = i;
      } else if (isOfType(filters.get(i), anchor)) {
        firstAnchor = firstAnchor < 0 ? i : firstAnchor;
        lastAnchor = i;
      }
    }
    return position.before() != null ? lastMoving < firstAnchor : firstMoving > lastAnchor;
  }

  /** A filter is of a type when it has that name or is one instance of it ({@code type/policy}). */
  static boolean isOfType(HttpFilter filter, String type) {
    return filter.getName().equals(type) || filter.getName().startsWith(type + "/");
  }
}
