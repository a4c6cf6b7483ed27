package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.model.core.EndpointSlice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** EndpointSlices grouped by the Service they belong to. */
public final class EndpointSliceIndex {

  private final Map<String, List<EndpointSlice>> byService = new HashMap<>();

  public EndpointSliceIndex(List<EndpointSlice> slices) {
    for (EndpointSlice slice : slices) {
      String service = slice.metadata().labels().get(EndpointSlice.SERVICE_NAME_LABEL);
      if (service != null) {
        byService.computeIfAbsent(slice.metadata().namespace() + "/" + service, k -> new java.util.ArrayList<>()).add(slice);
      }
    }
  }

  public List<EndpointSlice> forService(String namespace, String name) {
    return byService.getOrDefault(namespace + "/" + name, List.of());
  }
}
