package dev.tollgate.translator.xds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each generated resource knows the input objects that produced it. */
class ProvenanceTest {

  @Test
  void translate_https_recordsGatewayRoutesAndSecretsAsSources() throws Exception {
    var reader = new ManifestReader().read(Golden.testdata().resolve("https/terminate.in.yaml").toString());
    GatewayXds xds = new Pipeline(TranslatorConfig.offline()).run(reader.resources(), List.of()).gateways().get("default/eg");
    ObjectKey gateway = new ObjectKey("Gateway", "default", "eg");
    ObjectKey route = new ObjectKey("HTTPRoute", "default", "secure");
    assertThat(xds.sources(XdsType.LISTENER, "default/eg/https")).containsExactly(gateway);
    assertThat(xds.sources(XdsType.ROUTE, "default/eg/https")).containsExactly(gateway, route);
    // a cluster comes from the route and from the Service its backendRef names
    ObjectKey service = new ObjectKey("Service", "default", "app");
    assertThat(xds.sources(XdsType.CLUSTER, "httproute/default/secure/rule/0")).containsExactly(route, service);
    assertThat(xds.sources(XdsType.ENDPOINT, "httproute/default/secure/rule/0")).containsExactly(route, service);
    assertThat(xds.sources(XdsType.SECRET, "default/example-cert")).containsExactly(new ObjectKey("Secret", "default", "example-cert"));
  }
}
