package dev.tollgate.translator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsStage;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationStageTest {

  /** Stands in for a patch or extension that breaks a cluster. */
  private static final OutputStage BREAK_CLUSTERS = context -> {
    for (GatewayXds g : List.copyOf(context.gateways().values())) {
      GatewayXds.Builder b = g.toBuilder();
      for (var m : g.resources(XdsType.CLUSTER)) {
        b.put(XdsType.CLUSTER, ((Cluster) m).toBuilder().setConnectTimeout(com.google.protobuf.Duration.getDefaultInstance()).build());
      }
      context.replace(b.build());
    }
  };

  @Test
  void invalidGatewayOutput_isWithheldReportedAndMarkedNotProgrammed() throws Exception {
    var reader = new ManifestReader().read(Golden.testdata().resolve("basic/quickstart.in.yaml").toString());
    Pipeline pipeline = new Pipeline(TranslatorConfig.offline(), new XdsStage(), List.of(BREAK_CLUSTERS), new XdsValidator());
    TranslationResult result = pipeline.run(reader.resources(), List.of());
    assertThat(result.gateways()).isEmpty();
    assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.toString()).startsWith(
        "error: gateway default/eg: generated configuration is invalid and was not published: "
            + "cluster httproute/default/backend/rule/0: connect_timeout: must be greater than 0s"));
    JsonNode gateway = result.statuses().stream().filter(s -> s.kind().equals("Gateway"))
        .map(s -> (JsonNode) Mappers.json().valueToTree(s.status())).findFirst().orElseThrow();
    JsonNode programmed = gateway.get("conditions").get(1);
    assertThat(programmed.get("type").asText()).isEqualTo("Programmed");
    assertThat(programmed.get("status").asText()).isEqualTo("False");
    assertThat(programmed.get("reason").asText()).isEqualTo("Invalid");
    assertThat(result.rejectedAnything()).isTrue();
  }
}
