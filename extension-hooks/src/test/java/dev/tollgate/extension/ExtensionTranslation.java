package dev.tollgate.extension;

import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.XdsStage;
import java.util.ArrayList;
import java.util.List;

/** Runs the whole pipeline, with a connected extension's stages, over manifests given as text. */
final class ExtensionTranslation {

  /** A GatewayClass of Tollgate's, Gateway default/eg with one HTTP listener, and Service default/app on 8080. */
  static final String GATEWAY_AND_APP = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: eg}
      spec: {controllerName: tollgate.dev/gatewayclass-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: eg, namespace: default}
      spec:
        gatewayClassName: eg
        listeners: [{name: http, protocol: HTTP, port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: app, namespace: default}
      spec: {ports: [{port: 8080}]}
      ---
      """;

  private ExtensionTranslation() {}

  static TranslationResult translate(ExtensionSettings settings, String manifests) throws Exception {
    try (Extension extension = Extension.connect(settings)) {
      XdsValidator validator = new XdsValidator();
      List<OutputStage> stages = new ArrayList<>(extension.inTranslationStages(validator));
      stages.addAll(extension.postTranslationStages(validator));
      Pipeline pipeline = new Pipeline(TranslatorConfig.offline().withExtensionKinds(extension.kinds()), new XdsStage(), stages, validator);
      ManifestReader reader = new ManifestReader(extension.kinds()).readString("test.yaml", manifests);
      return pipeline.run(reader.resources(), reader.problems());
    }
  }
}
