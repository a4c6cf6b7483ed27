package dev.tollgate.translator.pipeline;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.gateway.GatewayStage;
import dev.tollgate.translator.gateway.GatewayStageResult;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeMap;

/**
 * The one translation entry point, used by {@code translate} and by the daemon alike:
 * gateway stage, xDS stage, the given output stages (patches, hooks) in order, and always last
 * validation, which withholds any Gateway whose configuration Envoy would reject.
 */
public final class Pipeline {

  private final TranslatorConfig config;
  private final XdsStage xds;
  private final List<OutputStage> outputStages;

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
    GatewayStageResult gateway;
    try {
      gateway = new GatewayStage(config).run(resources);
    } catch (RuntimeException | StackOverflowError e) {
      return new TranslationResult(new XdsIr(List.of()), Map.of(), List.of(), List.copyOf(inputProblems),
          List.of(InternalErrors.problem("", "reading the Gateway API objects; no Gateway", e)), resources.lookups());
    }
    Map<String, GatewayXds> generated = new LinkedHashMap<>();
    List<Problem> failed = new ArrayList<>();
    for (GatewayIr g : gateway.ir().gateways()) {
      try {
        generated.put(g.name(), xds.translate(g));
      } catch (RuntimeException | StackOverflowError e) {
        failed.add(InternalErrors.problem(g.name(), "generating Gateway " + g.name() + "'s Envoy configuration", e));
      }
    }
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
    return new TranslationResult(gateway.ir(), Collections.unmodifiableMap(new TreeMap<>(context.gateways())),
        statuses, List.copyOf(inputProblems), List.copyOf(context.problems()), resources.lookups());
  }
}
