package dev.tollgate.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.extension.proto.PostTranslateModifyResponse;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.XdsType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hooks in the pipeline, through the gRPC client: the translation hook's answer is checked as
 * a whole, cross references included, before anything is published; failOpen decides what a bad
 * answer costs; an extension that stops answering holds a translation up by one timeout, not one
 * per resource.
 */
class ExtensionPipelineTest {

  private static final String MANIFESTS = ExtensionTranslation.GATEWAY_AND_APP + """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: app, namespace: default}
      spec:
        parentRefs: [{name: eg}]
        hostnames: [a.example.com, b.example.com, c.example.com, d.example.com]
        rules:
          - filters: [{type: ExtensionRef, extensionRef: {group: example.io, kind: Tag, name: t}}]
            backendRefs: [{name: app, port: 8080}]
      ---
      apiVersion: example.io/v1
      kind: Tag
      metadata: {name: t, namespace: default}
      spec: {team: payments}
      """;

  private ExtensionServerFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExtensionServerFixture();
    // An extension that drops every cluster: the route then points nowhere.
    fixture.extension.translate = r -> PostTranslateModifyResponse.newBuilder().addAllSecrets(r.getSecretsList()).build();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void answerBreakingReferences_failClosed_gatewayIsWithheldAndTheErrorSaysWhy() throws Exception {
    TranslationResult result = translate(fixture.settings(""));

    assertThat(result.gateways()).doesNotContainKey("default/eg");
    assertThat(result.problems()).extracting(Problem::message).singleElement().asString()
        .startsWith("extension hook PostTranslateModify failed for Gateway default/eg: returned configuration Envoy would reject:")
        .contains("httproute/default/app/rule/0");
  }

  @Test
  void answerBreakingReferences_failOpen_servesTheUnmodifiedConfiguration() throws Exception {
    TranslationResult result = translate(fixture.settings("failOpen: true"));

    assertThat(result.gateways().get("default/eg").resources(XdsType.CLUSTER)).hasSize(1);
    assertThat(result.problems()).extracting(Problem::severity).containsExactly(Problem.Severity.WARNING);
  }

  @Test
  void extensionThatStopsAnswering_failOpen_costsOneTimeoutPerHookStage() throws Exception {
    fixture.extension.route = r -> {
      ScriptedExtension.sleep(5000);
      return dev.tollgate.extension.proto.PostRouteModifyResponse.getDefaultInstance();
    };
    fixture.extension.translate = r -> {
      ScriptedExtension.sleep(5000);
      return PostTranslateModifyResponse.getDefaultInstance();
    };
    long start = System.nanoTime();
    TranslationResult result = translate(fixture.settings("failOpen: true\ntimeout: 300ms"));
    long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // Four routes (one per hostname), called together, wait out one timeout; then the four virtual
    // hosts, the listener and the load assignment are not called at all; the translation hook
    // waits out one more.
    assertThat(millis).isLessThan(2500);
    assertThat(result.gateways()).containsKey("default/eg");
    assertThat(result.problems()).extracting(Problem::message)
        .filteredOn(m -> m.contains("not called, as earlier in this translation")).hasSize(6);
    assertThat(result.problems()).extracting(Problem::message)
        .filteredOn(m -> !m.contains("not called")).allMatch(m -> m.contains("did not answer within 300 ms")).hasSize(5);
  }

  private static TranslationResult translate(ExtensionSettings settings) throws Exception {
    return ExtensionTranslation.translate(settings, MANIFESTS);
  }
}
