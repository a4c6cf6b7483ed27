package dev.tollgate.translator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.testing.Golden;
import dev.tollgate.translator.status.ConditionTypes.Allowed;
import dev.tollgate.translator.status.ConditionTypes.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every status in the golden outputs uses, for each condition type, only a reason of that type's
 * list (the Gateway API's, or Envoy Gateway's or Tollgate's where the specification names none),
 * and policy statuses report on Gateways.
 */
class GoldenConditionReasonsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  Stream<DynamicTest> goldenOutput_everyConditionReason_belongsToItsConditionType() throws IOException {
    List<Path> outputs;
    try (Stream<Path> files = Files.walk(Golden.testdata())) {
      outputs = files.filter(p -> p.getFileName().toString().endsWith(".out.yaml")).sorted().toList();
    }
    assertThat(outputs).isNotEmpty();
    return outputs.stream().map(out -> dynamicTest(Golden.testdata().relativize(out).toString(), () -> {
      StatusReasonCheck check = new StatusReasonCheck();
      assertThat(check.check(YAML.readTree(out.toFile()).path("statuses"))).isEmpty();
    }));
  }

  @Test
  void goldenOutputs_together_checkEverySubject() throws IOException {
    StatusReasonCheck check = new StatusReasonCheck();
    int files = 0;
    try (Stream<Path> paths = Files.walk(Golden.testdata())) {
      for (Path out : paths.filter(p -> p.getFileName().toString().endsWith(".out.yaml")).toList()) {
        check.check(YAML.readTree(out.toFile()).path("statuses"));
        files++;
      }
    }
    assertThat(files).isGreaterThan(40);
    assertThat(check.checked()).isGreaterThan(500);
  }

  @Test
  void check_conditionOfAnotherType_isReported() throws IOException {
    JsonNode statuses = YAML.readTree("""
        - kind: Gateway
          namespace: default
          name: eg
          status:
            conditions:
            - {type: Accepted, status: "True", reason: Accepted}
            listeners:
            - name: a
              conditions:
              - {type: Accepted, status: "False", reason: HostnameConflict}
              - {type: Programmed, status: "False", reason: Invalid}
        - kind: HTTPRoute
          namespace: default
          name: r
          status:
            parents:
            - parentRef: {name: eg}
              conditions:
              - {type: ResolvedRefs, status: "False", reason: UnsupportedValue}
        """);

    List<String> violations = new StatusReasonCheck().check(statuses);

    assertThat(violations).hasSize(2);
    assertThat(violations.get(0)).startsWith("Gateway default/eg listener a: Accepted=False reason HostnameConflict");
    assertThat(violations.get(1)).startsWith("HTTPRoute default/r parent eg: ResolvedRefs=False reason UnsupportedValue");
  }

  @Test
  void check_policyAncestorThatIsARoute_isReported() throws IOException {
    JsonNode statuses = YAML.readTree("""
        - kind: SecurityPolicy
          namespace: default
          name: p
          status:
            ancestors:
            - ancestorRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default, name: r}
              conditions:
              - {type: Accepted, status: "False", reason: TargetNotFound}
            - ancestorRef: {group: gateway.envoyproxy.io, kind: SecurityPolicy, namespace: default, name: p}
              conditions:
              - {type: Accepted, status: "False", reason: TargetNotFound}
        """);

    assertThat(new StatusReasonCheck().check(statuses))
        .containsExactly("SecurityPolicy default/p ancestor HTTPRoute r: an ancestorRef must be a Gateway (or the policy itself)");
  }

  @Test
  void allowed_listenerAccepted_holdsTheSpecificationsReasonsOnly() {
    assertThat(Allowed.reasons(Subject.LISTENER, ConditionTypes.ACCEPTED)).containsExactlyInAnyOrder(
        "Accepted", "PortUnavailable", "UnsupportedProtocol", "NoValidCACertificate", "UnsupportedValue", "Pending");
    assertThat(Allowed.reasons(Subject.LISTENER, ConditionTypes.ACCEPTED, Allowed.Source.TOLLGATE)).isEmpty();
  }

  @Test
  void allowed_routeResolvedRefs_keepsOtherProjectsReasonsApart() {
    assertThat(Allowed.reasons(Subject.ROUTE_PARENT, ConditionTypes.RESOLVED_REFS, Allowed.Source.GATEWAY_API))
        .containsExactlyInAnyOrder("ResolvedRefs", "RefNotPermitted", "InvalidKind", "BackendNotFound", "UnsupportedProtocol");
    assertThat(Allowed.reasons(Subject.ROUTE_PARENT, ConditionTypes.RESOLVED_REFS, Allowed.Source.ENVOY_GATEWAY))
        .containsExactlyInAnyOrder("PortNotSpecified", "PortNotFound");
  }
}
