package dev.tollgate.translator.xds.filter;

import dev.tollgate.translator.ir.FilterOrderIr;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an EnvoyProxy's {@code filterOrder} to a connection manager's filters, as Envoy Gateway
 * does: each entry in turn moves every filter of its type just before the first filter of the
 * {@code before} type, or just after the last of the {@code after} type, keeping their relative
 * order. An entry whose filters are not present changes nothing.
 */
public final class FilterOrdering {

  private FilterOrdering() {}

  public static List<HttpFilter> apply(List<HttpFilter> filters, List<FilterOrderIr> order) {
    List<HttpFilter> out = new ArrayList<>(filters);
    for (FilterOrderIr position : order) {
      List<HttpFilter> moving = out.stream().filter(f -> isOfType(f, position.name())).toList();
      String anchor = position.before() != null ? position.before() : position.after();
      if (moving.isEmpty() || out.stream().noneMatch(f -> isOfType(f, anchor))) {
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

  /** A filter is of a type when it has that name or is one instance of it ({@code type/policy}). */
  static boolean isOfType(HttpFilter filter, String type) {
    return filter.getName().equals(type) || filter.getName().startsWith(type + "/");
  }
}
