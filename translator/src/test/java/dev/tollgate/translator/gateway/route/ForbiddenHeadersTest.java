package dev.tollgate.translator.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A header modifier Envoy would refuse is the route's invalid value, not a withheld Gateway. */
class ForbiddenHeadersTest {

  private static final Path CASE = Golden.testdata().resolve("filters/forbidden-headers.in.yaml");

  private static TranslationResult translate(String manifests) throws Exception {
    ManifestReader reader = new ManifestReader().readString("routes.yaml", manifests);
    return new Pipeline(Golden.config(CASE)).run(reader.resources(), reader.problems());
  }

  @Test
  void responseModifierAddingHostInAnyCase_isUnsupportedValueOnItsField_andTheGatewayIsPublished() throws Exception {
    String manifests = Files.readString(CASE).replace("remove: [\":status\"]", "add: [{name: HoSt, value: x}]");
    assertThat(manifests).contains("name: HoSt");

    TranslationResult result = translate(manifests);

    assertThat(result.gateways()).containsKey("default/eg");
    assertThat(result.findings()).anySatisfy(f -> {
      assertThat(f.object().toString()).isEqualTo("GRPCRoute default/grpc-status");
      assertThat(f.reason()).isEqualTo("UnsupportedValue");
      assertThat(f.message()).startsWith("spec.rules[0].filters[0].responseHeaderModifier.add[0].name: header \"HoSt\" cannot be added: "
          + "Envoy refuses to add, set or remove host and ':'-prefixed pseudo-headers");
    });
  }

  @Test
  void ordinaryHeaderNames_areAccepted() throws Exception {
    String manifests = Files.readString(CASE).replace("name: Host, value", "name: x-host, value")
        .replace("remove: [\":authority\"]", "remove: [x-authority]").replace("remove: [\":status\"]", "remove: [x-status]");

    TranslationResult result = translate(manifests);

    assertThat(result.findings()).noneSatisfy(f -> assertThat(f.reason()).isEqualTo("UnsupportedValue"));
  }
}
