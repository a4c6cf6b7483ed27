package dev.tollgate.translator.gateway.backend;

import dev.tollgate.translator.model.core.EndpointSlice;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * EndpointSlices grouped by the Service they belong to ({@code namespace/name}). It can note
 * which Services' slices a piece of work read, so that work is redone only when those change.
 */
public final class EndpointSliceIndex {

  private final Map<String, List<EndpointSlice>> byService = new HashMap<>();
  /** Where the reads of the work under way are noted; null when none is. Used by one thread at a time. */
  private Map<String, List<EndpointSlice>> reads;

  public EndpointSliceIndex(List<EndpointSlice> slices) {
    for (EndpointSlice slice : slices) {
      String service = slice.metadata().labels().get(EndpointSlice.SERVICE_NAME_LABEL);
      if (service != null) {
        byService.computeIfAbsent(slice.metadata().namespace() + "/" + service, k -> new java.util.ArrayList<>()).add(slice);
      }
    }
  }

  public List<EndpointSlice> forService(String namespace, String name) {
    return forService(namespace + "/" + name);
  }

  /** The slices of a Service, by {@code namespace/name}. */
  public List<EndpointSlice> forService(String service) {
    List<EndpointSlice> slices = byService.getOrDefault(service, List.of());
    if (reads != null) {
      reads.put(service, slices);
    }
    return slices;
  }

  /** Runs {@code work}, noting in {@code into} the slices of every Service it reads. */
  public <T> T recordingReads(Map<String, List<EndpointSlice>> into, Supplier<T> work) {
    Map<String, List<EndpointSlice>> outer = reads;
    reads = into;
    try {
      return work.get();
    } finally {
      reads = outer;
    }
  }

  /**
   * The same Services' slices as they are here, when every one of them is equal to what was read
   * but some are other instances (read again since): so that what is kept refers to the current
   * objects, not to equal ones the input no longer holds. The given map itself when nothing
   * differs, or null when some slices are not equal.
   */
  public Map<String, List<EndpointSlice>> current(Map<String, List<EndpointSlice>> read) {
    boolean same = true;
    for (var e : read.entrySet()) {
      List<EndpointSlice> now = byService.getOrDefault(e.getKey(), List.of());
      if (!now.equals(e.getValue())) {
        return null;
      }
      for (int i = 0; same && i < now.size(); i++) {
        same = now.get(i) == e.getValue().get(i);
      }
    }
    if (same) {
      return read;
    }
    Map<String, List<EndpointSlice>> out = new HashMap<>();
    read.keySet().forEach(k -> out.put(k, byService.getOrDefault(k, List.of())));
    return Map.copyOf(out);
  }

  /** The Services ({@code namespace/name}) whose slices differ between two indexes. */
  public static Set<String> changedServices(EndpointSliceIndex before, EndpointSliceIndex after) {
    Set<String> services = new HashSet<>(before.byService.keySet());
    services.addAll(after.byService.keySet());
    services.removeIf(s -> Objects.equals(before.byService.get(s), after.byService.get(s)));
    return services;
  }
}
