package dev.tollgate.kubernetes.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;

/**
 * Where the writer finds an object as last seen without asking the API server: the provider's
 * informer caches. A cached object may be a little behind; a write based on it names its
 * resourceVersion, so a newer object is a conflict, and the writer then reads the live one.
 */
@FunctionalInterface
public interface LiveObjects {

  /** No cache: every object is read from the API server. */
  LiveObjects NONE = (apiVersion, kind, namespace, name) -> Optional.empty();

  /** The object as cached, when it is watched in this apiVersion and has been seen. */
  Optional<GenericKubernetesResource> cached(String apiVersion, String kind, String namespace, String name);
}
