package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.gateway.backend.EndpointSliceIndex;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.model.core.EndpointSlice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The previous run's route translations, reused for a route that is unchanged while nothing else
 * it could read has changed either. A route's translation reads the route and, through the
 * backend resolvers, other objects (Services, EndpointSlices, Backends, ReferenceGrants, extension
 * objects, what was refused when read), never another route. EndpointSlices change all the time
 * and each route reads few, so each translation notes the Services whose slices it read and is
 * reused while those are the same; every other object that is not a route is compared whole. A
 * one-route change, or a change of one Service's endpoints, reuses every other route's translation;
 * any other change translates every route again.
 *
 * <p>Runs may be concurrent; each starts from whichever run committed last, which is only ever a
 * question of speed.
 */
public final class RouteTranslations {

  private static final Set<String> READ_PER_ROUTE = Set.of("HTTPRoute", "GRPCRoute", "EndpointSlice");

  /** Everything a route's translation may read besides the route and EndpointSlices. */
  private record World(List<KubernetesObject> others, Set<ObjectKey> refused) {}

  /** A translation, with the route it was made from and the slices it read, by Service. */
  private record Entry(KubernetesObject route, TranslatedRoute translated, Map<String, List<EndpointSlice>> slices) {}

  private record Memo(World world, Map<ObjectKey, Entry> entries) {}

  private volatile Memo last = new Memo(null, Map.of());

  /** One run's translations: ask for each route through it, then {@link Run#commit()}. */
  public Run start(ResourceSet resources, EndpointSliceIndex slices) {
    World world = new World(resources.everythingBut(READ_PER_ROUTE), Set.copyOf(resources.refusedKeys()));
    Memo previous = last;
    return new Run(world, slices, world.equals(previous.world()) ? previous.entries() : Map.of());
  }

  /** The translations of one run. */
  public final class Run {
    private final World world;
    private final EndpointSliceIndex slices;
    private final Map<ObjectKey, Entry> reusable;
    private final Map<ObjectKey, Entry> entries = new HashMap<>();
    private int reused;

    private Run(World world, EndpointSliceIndex slices, Map<ObjectKey, Entry> reusable) {
      this.world = world;
      this.slices = slices;
      this.reusable = reusable;
    }

    /**
     * The route's translation: the previous one when it is the same route and the slices it read
     * are the same, else {@code translate}'s. A TranslatedRoute is only read once made, so it can be shared.
     */
    public TranslatedRoute translate(KubernetesObject route, Supplier<TranslatedRoute> translate) {
      Entry before = reusable.get(route.key());
      Map<String, List<EndpointSlice>> current = before == null || !before.route().equals(route) ? null
          : slices.current(before.slices());
      Entry now;
      if (current != null) {
        // Kept with this run's route and slices, equal to the ones it was made from: the memo never
        // holds on to objects the input has replaced with equal ones.
        now = current == before.slices() && before.route() == route ? before : new Entry(route, before.translated(), current);
        reused++;
      } else {
        Map<String, List<EndpointSlice>> read = new HashMap<>();
        now = new Entry(route, slices.recordingReads(read, translate), Map.copyOf(read));
      }
      entries.put(route.key(), now);
      return now.translated();
    }

    /** How many routes this run did not translate again. */
    public int reused() {
      return reused;
    }

    /** Keeps this run's translations for the next. */
    public void commit() {
      last = new Memo(world, Map.copyOf(entries));
    }
  }
}
