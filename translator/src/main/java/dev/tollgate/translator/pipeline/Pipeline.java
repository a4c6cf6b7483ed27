package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.GatewayStage;
import dev.tollgate.translator.gateway.GatewayStageResult;
import dev.tollgate.translator.gateway.backend.EndpointSliceIndex;
import dev.tollgate.translator.gateway.backend.ServiceBackends;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.gateway.route.RouteTranslations;
import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.xds.XdsStage;
import dev.tollgate.translator.status.ObjectStatus;
import dev.tollgate.translator.validate.ValidationStage;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.xds.GatewayXds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one translation entry point, used by {@code translate} and by the daemon alike:
 * gateway stage, xDS stage, the given output stages (patches, hooks) in order, and always last
 * validation, which withholds any Gateway whose configuration Envoy would reject.
 *
 * <p>A route unchanged while no other object changed is not translated again ({@link RouteTranslations}).
 * When only EndpointSlices changed, the gateway stage is not run at all: the previous run's
 * representation and statuses hold but for endpoints, which are read again, and each affected
 * Gateway gets new load assignments and nothing else ({@link EndpointRefresh}).
 * A Gateway whose intermediate representation equals the previous run's is not generated
 * again: the xDS stage is a pure function of it, so its previous output (resources, encodings) is
 * reused, and validation, also pure, is not repeated for it. Runs may be concurrent; each sees
 * the memo of whichever run finished last, which is only ever a question of speed.
 */
public final class Pipeline {

  /** One Gateway's generated configuration and the representation it was generated from. */
  private record Generated(GatewayIr ir, GatewayXds xds) {}

  /**
   * What the gateway stage last made, from which input: when only EndpointSlices changed since,
   * it still holds but for endpoints ({@link EndpointRefresh}).
   *
   * @param lookups the Secrets and ConfigMaps the gateway stage looked up
   */
  private record StageRun(ResourceSet input, GatewayStageResult result, Set<ObjectKey> lookups) {}

  private static final Set<String> ENDPOINT_SLICES = Set.of("EndpointSlice");

  private final TranslatorConfig config;
  private final XdsStage xds;
  private final List<OutputStage> outputStages;
  private volatile Map<String, Generated> lastGenerated = Map.of();
  private volatile StageRun lastStageRun;
  private final RouteTranslations routeTranslations = new RouteTranslations();

  public Pipeline(TranslatorConfig config, XdsStage xds, List<OutputStage> outputStages, XdsValidator validator) {
    this.config = config;
    this.xds = xds;
    List<OutputStage> stages = new java.util.ArrayList<>(outputStages);
    stages.add(new ValidationStage(validator));
    this.outputStages = List.copyOf(stages);
  }

  public Pipeline(TranslatorConfig config) {
    this(config, new XdsStage(), List.of(), new XdsValidator());
  }

  public TranslatorConfig config() {
    return config;
  }

  public TranslationResult run(ResourceSet given, List<InputProblem> inputProblems) {
    ResourceSet resources = given.recordingLookups();
    StageRun before = lastStageRun;
    Map<String, EndpointRefresh.Refreshed> refreshed = new HashMap<>();
    GatewayStageResult gateway = before != null && before.input().sameExcept(given, ENDPOINT_SLICES)
        ? endpointsRefreshed(before, given, refreshed) : null;
    boolean endpointsOnly = gateway != null;
    Set<ObjectKey> stageLookups;
    if (endpointsOnly) {
      stageLookups = before.lookups();
    } else {
      try {
        gateway = new GatewayStage(config, routeTranslations).run(resources);
      } catch (RuntimeException | StackOverflowError e) {
        lastStageRun = null;
        return new TranslationResult(new XdsIr(List.of()), Map.of(), List.of(), List.copyOf(inputProblems),
            List.of(InternalErrors.problem("", "reading the Gateway API objects; no Gateway", e)), resources.lookups(), Set.of());
      }
      stageLookups = resources.lookups();
    }
    lastStageRun = new StageRun(given, gateway, stageLookups);
    Map<String, GatewayXds> generated = new LinkedHashMap<>();
    Map<String, Generated> previous = lastGenerated;
    Map<String, Generated> memo = new HashMap<>();
    Set<String> regenerated = new TreeSet<>();
    List<Problem> failed = new ArrayList<>();
    for (GatewayIr g : gateway.ir().gateways()) {
      Generated prior = previous.get(g.name());
      if (prior != null && prior.ir().equals(g)) {
        generated.put(g.name(), prior.xds());
        memo.put(g.name(), prior);
        continue;
      }
      try {
        GatewayXds x = endpointsOnly ? withNewAssignments(prior, refreshed.get(g.name())) : null;
        if (x == null) {
          x = xds.translate(g, prior == null ? null : prior.xds());
        }
        generated.put(g.name(), x);
        memo.put(g.name(), new Generated(g, x));
        regenerated.add(g.name());
      } catch (RuntimeException | StackOverflowError e) {
        failed.add(InternalErrors.problem(g.name(), "generating Gateway " + g.name() + "'s Envoy configuration", e));
      }
    }
    lastGenerated = memo;
    TranslationContext context = new TranslationContext(config, resources, gateway.ir(), generated, gateway.statuses());
    gateway.notices().forEach(n -> context.problems().add(Problem.warning("", n)));
    failed.forEach(p -> context.withhold(p.gateway(), p));
    for (OutputStage stage : outputStages) {
      try {
        stage.apply(context);
      } catch (RuntimeException | StackOverflowError e) {
        for (String g : List.copyOf(context.gateways().keySet())) {
          context.withhold(g, InternalErrors.problem(g, "applying " + stage.getClass().getSimpleName() + " to Gateway " + g, e));
        }
      }
    }
    List<ObjectStatus> statuses = context.statuses().stream().sorted(ObjectStatus.ORDER).toList();
    Set<ObjectKey> lookups = new TreeSet<>(stageLookups);
    lookups.addAll(resources.lookups());
    return new TranslationResult(gateway.ir(), Collections.unmodifiableMap(new TreeMap<>(context.gateways())),
        statuses, List.copyOf(inputProblems), List.copyOf(context.problems()), Collections.unmodifiableSet(lookups),
        Collections.unmodifiableSet(regenerated));
  }

  /**
   * The previous gateway stage's result with the changed Services' endpoints read again, each
   * Gateway's refresh noted in {@code refreshed}; null if reading them fails, and the gateway stage
   * then runs as for any other change.
   */
  private static GatewayStageResult endpointsRefreshed(StageRun before, ResourceSet given,
      Map<String, EndpointRefresh.Refreshed> refreshed) {
    try {
      EndpointSliceIndex slices = new EndpointSliceIndex(given.endpointSlices());
      EndpointRefresh refresh = new EndpointRefresh(new ServiceBackends(given, slices),
          EndpointSliceIndex.changedServices(new EndpointSliceIndex(before.input().endpointSlices()), slices));
      List<GatewayIr> irs = new ArrayList<>();
      for (GatewayIr g : before.result().ir().gateways()) {
        EndpointRefresh.Refreshed r = refresh.refresh(g);
        refreshed.put(g.name(), r);
        irs.add(r.ir());
      }
      return new GatewayStageResult(new XdsIr(irs), before.result().statuses(), before.result().notices());
    } catch (RuntimeException | StackOverflowError e) {
      refreshed.clear();
      return null;
    }
  }

  /**
   * A refreshed Gateway's configuration from its previous one with new load assignments, when
   * that previous one was generated from the representation the refresh started from; else null.
   */
  private static GatewayXds withNewAssignments(Generated prior, EndpointRefresh.Refreshed refreshed) {
    return prior != null && refreshed != null && prior.ir().equals(refreshed.from())
        ? EndpointRefresh.withNewAssignments(prior.xds(), refreshed) : null;
  }
}
