package dev.tollgate.translator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.gateway.ReferenceGrants.Ref;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.gatewayapi.ReferenceGrant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceGrantsTest {

  private static final String GW = "gateway.networking.k8s.io";

  private static ReferenceGrant grant(String namespace, String fromKind, String fromNamespace, String toName) {
    return new ReferenceGrant(GW + "/v1beta1", "ReferenceGrant", ObjectMeta.named(namespace, "g"),
        new ReferenceGrant.Spec(List.of(new ReferenceGrant.From(GW, fromKind, fromNamespace)),
            List.of(new ReferenceGrant.To("", "Service", toName))));
  }

  @Test
  void permits_sameNamespaceWithoutAnyGrant() {
    assertThat(new ReferenceGrants(List.of())
        .permits(Ref.from(GW, "HTTPRoute", "a"), new Ref("", "Service", "a", "s"))).isTrue();
  }

  @Test
  void permits_crossNamespaceOnlyWhenKindNamespaceAndNameMatch() {
    var grants = new ReferenceGrants(List.of(grant("b", "HTTPRoute", "a", "s")));
    assertThat(grants.permits(Ref.from(GW, "HTTPRoute", "a"), new Ref("", "Service", "b", "s"))).isTrue();
    assertThat(grants.permits(Ref.from(GW, "HTTPRoute", "a"), new Ref("", "Service", "b", "other"))).isFalse();
    assertThat(grants.permits(Ref.from(GW, "GRPCRoute", "a"), new Ref("", "Service", "b", "s"))).isFalse();
    assertThat(grants.permits(Ref.from(GW, "HTTPRoute", "c"), new Ref("", "Service", "b", "s"))).isFalse();
    assertThat(grants.permits(Ref.from(GW, "HTTPRoute", "a"), new Ref("", "Service", "c", "s"))).isFalse();
  }

  @Test
  void permits_grantWithoutNameCoversEveryObjectOfTheKind() {
    var grants = new ReferenceGrants(List.of(grant("b", "HTTPRoute", "a", null)));
    assertThat(grants.permits(Ref.from(GW, "HTTPRoute", "a"), new Ref("", "Service", "b", "anything"))).isTrue();
  }
}
