package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The previous run's route translations, reused for a route that is unchanged while nothing else
 * it could read has changed either. A route's translation reads the route and, through the
 * backend resolvers, other objects (Services, EndpointSlices, Backends, ReferenceGrants, extension
 * objects, what was refused when read), never another route: so the key is the route itself plus
 * every object that is not a route. A one-route change reuses every other route's translation;
 * any other change translates every route again, as before.
 *
 * <p>Runs may be concurrent; each starts from whichever run committed last, which is only ever a
 * question of speed.
 */
public final class RouteTranslations {

  private static final Set<String> ROUTE_KINDS = Set.of("HTTPRoute", "GRPCRoute");

  /** Everything a route's translation may read besides the route. */
  private record World(List<KubernetesObject> others, Set<ObjectKey> refused) {}

  private record Entry(KubernetesObject route, TranslatedRoute translated) {}

  private record Memo(World world, Map<ObjectKey, Entry> entries) {}

  private volatile Memo last = new Memo(null, Map.of());

  /** One run's translations: ask for each route through it, then {@link Run#commit()}. */
  public Run start(ResourceSet resources) {
    World world = new World(resources.everythingBut(ROUTE_KINDS), Set.copyOf(resources.refusedKeys()));
    Memo previous = last;
    return new Run(world, world.equals(previous.world()) ? previous.entries() : Map.of());
  }

  /** The translations of one run. */
  public final class Run {
    private final World world;
    private final Map<ObjectKey, Entry> reusable;
    private final Map<ObjectKey, Entry> entries = new HashMap<>();
    private int reused;

    private Run(World world, Map<ObjectKey, Entry> reusable) {
      this.world = world;
      this.reusable = reusable;
    }

    /**
     * The route's translation: the previous one when it is the same route, else {@code translate}'s.
     * A TranslatedRoute is only read once made, so it can be shared.
     */
    public TranslatedRoute translate(KubernetesObject route, Supplier<TranslatedRoute> translate) {
      Entry before = reusable.get(route.key());
      TranslatedRoute translated;
      if (before != null && before.route().equals(route)) {
        translated = before.translated();
        reused++;
      } else {
        translated = translate.get();
      }
      entries.put(route.key(), new Entry(route, translated));
      return translated;
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
