package dev.tollgate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Pipelines;
import dev.tollgate.review.diff.ConfigDiff;
import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.explain.Explainer;
import dev.tollgate.review.explain.RouteTable;
import dev.tollgate.review.routes.GatewayConfig;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.InputProblem;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.UnreadableInputException;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.validate.XdsValidator;

/**
 * What must hold for any input whatever: reading and translating never throw; an input is either
 * unreadable as a whole (with one message naming it) or translated; nothing is an internal error;
 * every refused object is named with its field; every Gateway whose configuration is published
 * passes Envoy's rules; the review tooling reads every published configuration (routes,
 * protections, a request explained) and finds no difference between a translation and itself;
 * and the same input gives the same bytes.
 */
final class PipelineProperties {

  private static final XdsValidator VALIDATOR = new XdsValidator();
  private static final java.util.List<HttpRequest> REQUESTS = java.util.List.of(
      HttpRequest.parse("GET http://www.example.com/", java.util.List.of(), null, null),
      HttpRequest.parse("POST https://foo.example.com/a/../b%2F?x=1", java.util.List.of("authorization: Bearer t"), "10.0.0.1", null));

  private final Pipeline pipeline;

  PipelineProperties(TranslatorConfig config) {
    this.pipeline = Pipelines.create(config);
  }

  /** The outcome of one input, for counting. */
  enum Outcome { UNREADABLE, TRANSLATED }

  Outcome check(String yaml, boolean twice) {
    String first;
    try {
      first = translate(yaml);
    } catch (UnreadableInputException e) {
      assertThat(e.getMessage()).startsWith("input.yaml").doesNotContain("\n");
      return Outcome.UNREADABLE;
    }
    if (twice) {
      try {
        assertThat(translate(yaml)).as("translating the same input twice").isEqualTo(first);
      } catch (UnreadableInputException e) {
        throw new AssertionError("readable once, unreadable the second time", e);
      }
    }
    return Outcome.TRANSLATED;
  }

  private String translate(String yaml) throws UnreadableInputException {
    ManifestReader reader = new ManifestReader().readString("input.yaml", yaml);
    TranslationResult result = pipeline.run(reader.resources(), reader.problems());
    for (InputProblem p : result.inputProblems()) {
      assertThat(p.message()).as(p.toString()).isNotBlank().doesNotContain("internal error");
      if (p.severity() == InputProblem.Severity.ERROR) {
        boolean named = p.object() != null || (p.field() != null && !p.field().isEmpty()) || p.message().startsWith("a document must be");
        assertThat(named).as("a refusal names its object or field: %s", p).isTrue();
      }
    }
    result.problems().forEach(p -> assertThat(p.message()).as(p.toString()).doesNotContain("internal error"));
    result.gateways().values().forEach(g ->
        assertThat(VALIDATOR.validate(g)).as("published configuration of %s passes Envoy's rules", g.gateway()).isEmpty());
    ConfigDiff.Side side = new ConfigDiff.Side(result, reader.resources());
    assertThat(ConfigDiff.compare(side, side).empty()).as("a translation compared with itself").isTrue();
    for (var g : result.gateways().values()) {
      GatewayConfig config = new GatewayConfig(g);
      RouteTable.rows(config);
      for (HttpRequest r : REQUESTS) {
        assertThat(Explainer.explain(config, r).outcome()).isNotBlank();
      }
    }
    return TranslationDocument.toYaml(TranslationDocument.build(result, TranslationDocument.Secrets.REDACTED));
  }
}
