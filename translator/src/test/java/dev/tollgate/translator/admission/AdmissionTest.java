package dev.tollgate.translator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.input.Kind;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.json.Mappers;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  private static Admission.Verdict admit(String yaml) throws Exception {
    ObjectNode doc = (ObjectNode) Mappers.yaml().readTree(yaml);
    String[] apiVersion = doc.path("apiVersion").asText().split("/");
    Kind kind = Kinds.find(apiVersion.length == 1 ? "" : apiVersion[0], doc.path("kind").asText()).orElseThrow();
    return Admission.standard().admit(kind, apiVersion[apiVersion.length - 1], doc);
  }

  private static List<String> errors(String yaml) throws Exception {
    return admit(yaml).errors().stream().map(FieldError::toString).toList();
  }

  @Test
  void admit_validRoute_isAdmittedWithDefaults() throws Exception {
    Admission.Verdict v = admit("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app, namespace: default}
        spec:
          parentRefs: [{name: eg}]
          rules:
          - backendRefs: [{name: backend, port: 3000}]
        """);
    assertThat(v.errors()).isEmpty();
    assertThat(v.object().at("/spec/parentRefs/0/kind").asText()).isEqualTo("Gateway");
    assertThat(v.object().at("/spec/rules/0/backendRefs/0/kind").asText()).isEqualTo("Service");
  }

  @Test
  void admit_backendRefWithoutPort_failsTheCrdRule() throws Exception {
    assertThat(errors("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app}
        spec:
          parentRefs: [{name: eg}]
          rules:
          - backendRefs: [{name: backend}]
        """)).containsExactly("spec.rules[0].backendRefs[0]: Invalid value: \"object\": Must have port for Service reference");
  }

  @Test
  void admit_brokenValues_reportsEachWithItsPath() throws Exception {
    assertThat(errors("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app}
        spec:
          parentRefs: [{name: eg, bogus: 1}, null]
          hostnames: ["Bad_Host"]
          rules:
          - matches: [{path: {type: Foo, value: /}}]
            backendRefs: [{name: backend, port: 70000}]
        """)).contains(
            "spec.parentRefs[0].bogus: unknown field",
            "spec.parentRefs[1]: Invalid value: \"null\": must be of type object",
            "spec.rules[0].matches[0].path.type: Unsupported value: \"Foo\": supported values: \"Exact\", \"PathPrefix\", \"RegularExpression\"",
            "spec.rules[0].backendRefs[0].port: Invalid value: 70000: should be less than or equal to 65535");
  }
}
