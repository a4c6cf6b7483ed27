package dev.tollgate.kubernetes.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * Where the writer finds objects as last seen without asking the API server: the provider's
 * informer caches. A cached object may be a little behind; a write based on it names its
 * resourceVersion, so a newer object is a conflict, and the writer then reads the live one.
 */
public interface LiveObjects {

  /** A cached object with the apiVersion and kind it is watched as (list items need not carry them). */
  record Cached(String apiVersion, String kind, GenericKubernetesResource object) {}

  /** No cache: every object is read from the API server, and no stray status is found. */
  LiveObjects NONE = new LiveObjects() {
    @Override
    public Optional<GenericKubernetesResource> cached(String apiVersion, String kind, String namespace, String name) {
      return Optional.empty();
    }

    @Override
    public List<Cached> withWrittenStatuses() {
      return List.of();
    }
  };

  /** The object as cached, when it is watched in this apiVersion and has been seen. */
  Optional<GenericKubernetesResource> cached(String apiVersion, String kind, String namespace, String name);

  /** Every cached object of the kinds whose statuses Tollgate writes, to find what an earlier run left there. */
  List<Cached> withWrittenStatuses();
}
