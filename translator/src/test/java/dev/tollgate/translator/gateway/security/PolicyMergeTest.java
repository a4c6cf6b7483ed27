package dev.tollgate.translator.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.json.Mappers;
import org.junit.jupiter.api.Test;

class PolicyMergeTest {

  private static JsonNode yaml(String text) throws Exception {
    return Mappers.yaml().readTree(text);
  }

  private static final String GATEWAY = """
      targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]
      jwt:
        optional: false
        providers:
          - {name: corp, issuer: https://corp}
          - {name: old, issuer: https://old}
      extAuth: {grpc: {backendRefs: [{name: authz, port: 9001}]}}
      """;

  @Test
  void strategic_mergesNamedListsByName_andDropsTargeting() throws Exception {
    JsonNode merged = PolicyMerge.merge("StrategicMerge", yaml(GATEWAY), yaml("""
        targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]
        mergeType: StrategicMerge
        jwt:
          providers:
            - {name: corp, audiences: [reports]}
            - {name: partner, issuer: https://partner}
        extAuth: null
        """));
    assertThat(merged).isEqualTo(yaml("""
        jwt:
          optional: false
          providers:
            - {name: corp, issuer: https://corp, audiences: [reports]}
            - {name: old, issuer: https://old}
            - {name: partner, issuer: https://partner}
        """));
  }

  @Test
  void jsonMerge_replacesLists() throws Exception {
    JsonNode merged = PolicyMerge.merge("JSONMerge", yaml(GATEWAY), yaml("""
        targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]
        mergeType: JSONMerge
        jwt: {providers: [{name: partner, issuer: https://partner}]}
        cors: {allowOrigins: ["https://a.example.com"]}
        """));
    assertThat(merged).isEqualTo(yaml("""
        jwt:
          optional: false
          providers: [{name: partner, issuer: https://partner}]
        extAuth: {grpc: {backendRefs: [{name: authz, port: 9001}]}}
        cors: {allowOrigins: ["https://a.example.com"]}
        """));
  }

  @Test
  void inputsAreNotChanged() throws Exception {
    JsonNode gateway = yaml(GATEWAY);
    JsonNode route = yaml("jwt: {providers: [{name: corp, issuer: https://other}]}");
    PolicyMerge.merge("StrategicMerge", gateway, route);
    PolicyMerge.merge("JSONMerge", gateway, route);
    assertThat(gateway).isEqualTo(yaml(GATEWAY));
    assertThat(route).isEqualTo(yaml("jwt: {providers: [{name: corp, issuer: https://other}]}"));
  }
}
