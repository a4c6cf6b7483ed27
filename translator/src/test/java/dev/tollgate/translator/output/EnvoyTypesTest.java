package dev.tollgate.translator.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EnvoyTypesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router",
      "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
      "type.googleapis.com/envoy.config.route.v3.RouteAction.RequestMirrorPolicy",
      "type.googleapis.com/xds.type.v3.TypedStruct",
      "type.googleapis.com/udpa.type.v1.TypedStruct",
      "type.googleapis.com/google.protobuf.Duration",
      "envoy.config.cluster.v3.Cluster"})
  void descriptor_resolvesTypesOfTheEnvoyApiByName(String typeUrl) {
    String fullName = typeUrl.substring(typeUrl.lastIndexOf('/') + 1);
    assertThat(EnvoyTypes.descriptor(typeUrl)).hasValueSatisfying(d -> assertThat(d.getFullName()).isEqualTo(fullName));
  }

  @Test
  void descriptor_unknownType_isEmpty() {
    assertThat(EnvoyTypes.descriptor("type.googleapis.com/envoy.nothing.v3.Here")).isEmpty();
    assertThat(EnvoyTypes.descriptor("type.googleapis.com/com.example.Custom")).isEmpty();
  }
}
