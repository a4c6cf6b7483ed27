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

  @Test
  void admit_parentRefsToTheSameNameInTwoNamespaces_passesTheRuleThatReadsNamespace() throws Exception {
    // The rule reads p.__namespace__: Kubernetes escapes the CEL keyword, and so must Tollgate.
    assertThat(errors("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app}
        spec:
          parentRefs: [{name: eg, namespace: a}, {name: eg, namespace: b, sectionName: http}]
        """)).isEmpty();
    assertThat(errors("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app}
        spec:
          parentRefs: [{name: eg, namespace: a}, {name: eg, namespace: a, sectionName: http}]
        """)).containsExactly("spec.parentRefs: Invalid value: \"array\": sectionName or port must be specified when "
            + "parentRefs includes 2 or more references to the same parent");
  }

  @Test
  void admit_securityPolicyBreakingItsSchemaRules_isRefusedWithTheRulesMessages() throws Exception {
    assertThat(errors("""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: p}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: app}]
          extAuth:
            grpc: {backendRefs: [{name: authz, port: 9000}]}
            http: {backendRefs: [{name: authz, port: 9000}]}
          jwt:
            providers: [{name: idp}]
        """)).containsExactlyInAnyOrder(
            "spec.extAuth: Invalid value: \"object\": only one of grpc or http can be specified",
            "spec.jwt.providers[0]: Invalid value: \"object\": either remoteJWKS or localJWKS must be specified.");
  }

  @Test
  void admit_duplicateListenerNames_isADuplicateOfTheListMapKey() throws Exception {
    assertThat(errors("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g}
        spec:
          gatewayClassName: eg
          listeners:
          - {name: http, protocol: HTTP, port: 80}
          - {name: http, protocol: HTTP, port: 81}
        """)).contains("spec.listeners[1]: Duplicate value: {\"name\":\"http\"}");
  }

  @Test
  void admit_intOrStringAndInt32_areCheckedAsKubernetesDoes() throws Exception {
    String service = """
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          ports: [{port: PORT, targetPort: TARGET}]
        """;
    assertThat(errors(service.replace("PORT", "80").replace("TARGET", "http"))).isEmpty();
    assertThat(errors(service.replace("PORT", "80").replace("TARGET", "8080"))).isEmpty();
    assertThat(errors(service.replace("PORT", "80").replace("TARGET", "[1]")))
        .contains("spec.ports[0].targetPort: Invalid value: \"array\": must be of type integer or string");
    assertThat(errors(service.replace("PORT", "5000000000").replace("TARGET", "80")))
        .contains("spec.ports[0].port: Invalid value: 5000000000: must be of type int32");
  }

  @Test
  void admit_nullSpec_isPrunedAndThenRequired() throws Exception {
    assertThat(errors("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app}
        spec: null
        """)).containsExactly("spec: Required value");
  }

  @Test
  void admit_objectName_mustSuitTheKind() throws Exception {
    assertThat(errors("apiVersion: v1\nkind: Namespace\nmetadata: {name: a.b}\n"))
        .singleElement().asString().startsWith("metadata.name: Invalid value: \"a.b\": ");
    assertThat(errors("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a.b}\n")).isEmpty();
    assertThat(errors("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: A}\n"))
        .singleElement().asString().startsWith("metadata.name: Invalid value: \"A\": ");
  }

  @Test
  void admit_typeError_keepsTheRulesFromRunningAndSaysSo() throws Exception {
    assertThat(errors("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app}
        spec:
          parentRefs: [{name: eg, port: "80"}]
          rules:
          - backendRefs: [{name: backend}]
        """)).containsExactly(
            "spec.parentRefs[0].port: Invalid value: \"string\": must be of type integer",
            "some validation rules were not checked because the object was invalid; correct the existing errors to "
                + "complete validation");
  }
}
