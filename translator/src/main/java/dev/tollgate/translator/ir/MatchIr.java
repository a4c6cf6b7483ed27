package dev.tollgate.translator.ir;

import java.util.List;

/** What a request must carry to take a route. A null method matches any method. */
public record MatchIr(PathMatchIr path, List<StringMatchIr> headers, List<StringMatchIr> queryParams, String method) {
  public MatchIr {
    headers = List.copyOf(headers);
    queryParams = List.copyOf(queryParams);
  }
}
