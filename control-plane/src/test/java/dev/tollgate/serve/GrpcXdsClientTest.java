package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import io.grpc.xds.GrpcXdsProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * grpc-java's xDS client, an independent and strict implementation, fetches and accepts the
 * route configuration, clusters and load assignments Tollgate serves. (It does not take listeners
 * made for Envoy's network stack, only gRPC's own API listeners, so those are left out; nor
 * HTTPRoute's path-prefix matches, which Envoy reads as path_separated_prefix: a GRPCRoute is
 * what a gRPC client routes by; nor direct responses, so the golden's refused route, which answers
 * 500, is left out too.)
 */
class GrpcXdsClientTest {

  @Test
  void grpcXdsClient_acceptsTheServedRouteConfigurationClustersAndEndpoints() throws Exception {
    Path dir = Files.createTempDirectory("grpc-probe");
    String golden = Files.readString(Golden.testdata().resolve("grpc/grpcroute.in.yaml"));
    Files.writeString(dir.resolve("grpcroute.yaml"), Arrays.stream(golden.split("(?m)^---$"))
        .filter(doc -> !doc.contains("name: with-redirect")).collect(Collectors.joining("---")));
    try (ServeFixture serve = ServeFixture.servingRoots(List.of(dir), Map.of());
        GrpcXdsProbe grpc = new GrpcXdsProbe(serve.xdsAddress(), "default/eg")) {
      var expected = serve.expected("default/eg");
      assertThat(expected.resources(dev.tollgate.translator.xds.XdsType.CLUSTER)).isNotEmpty();
      assertThat(grpc.routeConfiguration("default/eg/grpc").get(10, TimeUnit.SECONDS)).startsWith("ok: ").contains("grpc.example.com");
      for (var c : expected.resources(dev.tollgate.translator.xds.XdsType.CLUSTER)) {
        String name = dev.tollgate.translator.xds.XdsType.CLUSTER.nameOf(c);
        assertThat(grpc.cluster(name).get(10, TimeUnit.SECONDS)).as(name).startsWith("ok: ");
        assertThat(grpc.endpoints(name).get(10, TimeUnit.SECONDS)).as(name).startsWith("ok: ");
      }
      assertThat(serve.get("/metrics").body()).doesNotContain("tollgate_xds_nacks_total");
    }
  }
}
