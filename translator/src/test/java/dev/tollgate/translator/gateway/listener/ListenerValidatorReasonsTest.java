package dev.tollgate.translator.gateway.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.gateway.GatewayState;
import dev.tollgate.translator.gateway.ListenerState;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.model.ObjectMeta;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.status.Condition;
import dev.tollgate.translator.status.ConditionTypes;
import dev.tollgate.translator.status.Conditions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Listener conditions the API server's schema keeps out of the golden inputs: each rejected
 * listener gets a reason of the Accepted condition's own list, never one of Programmed's.
 */
class ListenerValidatorReasonsTest {

  private static final Gateway.ListenerTls NO_REFS = new Gateway.ListenerTls(null, List.of(), Map.of());

  @Test
  void validate_invalidFieldValues_areAcceptedFalseUnsupportedValue() {
    GatewayState gateway = gateway(
        listener("dup", null, 80, "HTTP", null),
        listener("dup", null, 81, "HTTP", null),
        listener("bad-host", "Not_A_Host", 82, "HTTP", null),
        listener("tls-on-http", null, 83, "HTTP", NO_REFS),
        listener("no-tls", null, 443, "HTTPS", null),
        listener("passthrough", null, 444, "HTTPS", new Gateway.ListenerTls("Passthrough", List.of(), Map.of())),
        listener("no-refs", null, 445, "HTTPS", NO_REFS));

    validator().validate(gateway);

    for (ListenerState l : gateway.listeners().subList(1, gateway.listeners().size())) {
      assertThat(accepted(l).status()).as(l.name()).isEqualTo("False");
      assertThat(accepted(l).reason()).as(l.name()).isEqualTo(ConditionTypes.Reason.UNSUPPORTED_VALUE);
      assertThat(l.conditions().get(ConditionTypes.PROGRAMMED).reason()).as(l.name()).isEqualTo("Invalid");
      assertThat(l.programmable()).as(l.name()).isFalse();
    }
    assertThat(accepted(gateway.listeners().get(1)).message()).isEqualTo("name \"dup\" is used by an earlier listener");
    assertThat(accepted(gateway.listeners().get(0)).reason()).isEqualTo("Accepted");
  }

  @Test
  void validate_unknownProtocolAndPort_keepTheirOwnReasons() {
    GatewayState gateway = gateway(listener("udp", null, 53, "UDP", null), listener("zero", null, 0, "HTTP", null));

    validator().validate(gateway);

    assertThat(accepted(gateway.listeners().get(0)).reason()).isEqualTo("UnsupportedProtocol");
    assertThat(accepted(gateway.listeners().get(1)).reason()).isEqualTo("PortUnavailable");
  }

  @Test
  void validate_conflictedListeners_areConflictedWithTheKindAndNotAccepted() {
    GatewayState gateway = gateway(listener("a", "a.example.com", 80, "HTTP", null),
        listener("b", "a.example.com", 80, "HTTP", null));

    validator().validate(gateway);

    for (ListenerState l : gateway.listeners()) {
      assertThat(l.conditions().get(ConditionTypes.CONFLICTED).reason()).isEqualTo("HostnameConflict");
      assertThat(accepted(l).reason()).isEqualTo("PortUnavailable");
      assertThat(accepted(l).status()).isEqualTo("False");
    }
  }

  private static Condition accepted(ListenerState l) {
    return l.conditions().get(ConditionTypes.ACCEPTED);
  }

  private static ListenerValidator validator() {
    return new ListenerValidator(new ListenerCertificates(ResourceSet.empty(), new ReferenceGrants(List.of())));
  }

  private static Gateway.Listener listener(String name, String hostname, int port, String protocol, Gateway.ListenerTls tls) {
    return new Gateway.Listener(name, hostname, port, protocol, tls, null);
  }

  private static GatewayState gateway(Gateway.Listener... listeners) {
    Gateway g = new Gateway("gateway.networking.k8s.io/v1", "Gateway", ObjectMeta.named("default", "eg"),
        new Gateway.Spec("eg", List.of(listeners), null, null));
    List<ListenerState> states = g.spec().listeners().stream()
        .map(l -> new ListenerState(l, "default/eg/" + l.name(), new Conditions(null, null))).toList();
    return new GatewayState(g, new Conditions(null, null), states);
  }
}
