package dev.tollgate.extension.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.translator.extension.Hook;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExtensionConfigLoaderTest {

  @Test
  void envoyGatewayFile_yieldsKindsHooksAndConnection() throws Exception {
    ExtensionSettings s = parse("""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: EnvoyGateway
        extensionManager:
          resources: [{group: example.io, version: v1, kind: Tag}]
          hooks:
            xdsTranslator:
              post: [Route, Translation]
              translation: {listener: {includeAll: true}, secret: {includeAll: false}}
          service:
            fqdn: {hostname: ext.example.svc, port: 5005}
            tls: {caFile: ca.pem}
          failOpen: true
          maxMessageSize: 16Mi
          timeout: 2s
          allowAuthorizationChanges: true
        """);

    assertThat(s.kinds().resources()).containsExactly(new GroupKind("example.io", "Tag"));
    assertThat(s.hooks().enabled()).containsExactlyInAnyOrder(Hook.ROUTE, Hook.TRANSLATION);
    assertThat(s.hooks().translation().listeners()).isTrue();
    assertThat(s.hooks().translation().routes()).isFalse();
    assertThat(s.hooks().translation().clusters()).isTrue();
    assertThat(s.hooks().translation().secrets()).isFalse();
    assertThat(s.hooks().failOpen()).isTrue();
    assertThat(s.target()).hasToString("ext.example.svc:5005");
    assertThat(s.tls().ca()).isEqualTo(Path.of("/etc/tollgate/ca.pem"));
    assertThat(s.maxMessageSize()).isEqualTo(16 << 20);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.hooks().allowAuthorizationChanges()).isTrue();
  }

  @Test
  void bareExtensionManager_defaults() throws Exception {
    ExtensionSettings s = parse("service: {unix: {path: /run/ext.sock}}");

    assertThat(s.target()).hasToString("unix:/run/ext.sock");
    assertThat(s.hooks().enabled()).isEmpty();
    assertThat(s.hooks().failOpen()).isFalse();
    assertThat(s.maxMessageSize()).isEqualTo(4_000_000);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.hooks().allowAuthorizationChanges()).isFalse();
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void endpointsHook_isNamedEndpointsAsInEnvoyGateway_orEds() throws Exception {
    for (String name : new String[] {"Endpoints", "EDS"}) {
      ExtensionSettings s = parse("hooks: {xdsTranslator: {post: [Cluster, " + name + "]}}\nservice: {ip: {address: 127.0.0.1, port: 1}}");

      assertThat(s.hooks().enabled()).as(name).containsExactlyInAnyOrder(Hook.CLUSTER, Hook.ENDPOINTS);
    }
    assertThat(Hook.ENDPOINTS.method()).isEqualTo("PostEndpointsModify");
  }

  @Test
  void fieldsNotRead_areReportedAsWarnings() throws Exception {
    ExtensionSettings s = parse("extensionManager:\n  retry: {maxAttempts: 3}\n  service: {ip: {address: 127.0.0.1, port: 1}}");

    assertThat(s.warnings()).containsExactly("ext.yaml: extensionManager.retry: unknown field, ignored");
  }

  @Test
  void badFields_areNamed() {
    assertThatThrownBy(() -> parse("extensionManager: {hooks: {xdsTranslator: {post: [Route, Listener]}}, service: {ip: {address: 127.0.0.1, port: 1}}}"))
        .hasMessage("ext.yaml: extensionManager.hooks.xdsTranslator.post[1]: \"Listener\" is not one of Route, VirtualHost, HTTPListener, Cluster, Endpoints, Translation");
    assertThatThrownBy(() -> parse("hooks: {xdsTranslator: {post: [Endpoints, Endpoint]}}\nservice: {ip: {address: 127.0.0.1, port: 1}}"))
        .hasMessageStartingWith("ext.yaml: hooks.xdsTranslator.post[1]: \"Endpoint\" is not one of");
    assertThatThrownBy(() -> parse("maxMessageSize: lots\nservice: {ip: {address: 127.0.0.1, port: 1}}"))
        .hasMessageStartingWith("ext.yaml: maxMessageSize: \"lots\" is not a quantity");
    assertThatThrownBy(() -> parse("service: {ip: {address: 127.0.0.1, port: 70000}}"))
        .hasMessage("ext.yaml: service.ip.port: must be between 1 and 65535");
    assertThatThrownBy(() -> parse("service: {fqdn: {hostname: a, port: 1}, unix: {path: /x}}"))
        .hasMessage("ext.yaml: service: exactly one of fqdn, ip, unix and host must be set");
    assertThatThrownBy(() -> parse("service: {ip: {address: 127.0.0.1, port: 1}, tls: {certificateRef: {name: ca}}}"))
        .hasMessageStartingWith("ext.yaml: service.tls.certificateRef: Secrets are not read");
    assertThatThrownBy(() -> parse("resources: [{version: v1, kind: Tag}]\nservice: {ip: {address: 127.0.0.1, port: 1}}"))
        .hasMessageStartingWith("ext.yaml: resources[0].group: is required");
    assertThatThrownBy(() -> parse("failOpen: maybe\nservice: {ip: {address: 127.0.0.1, port: 1}}"))
        .hasMessageStartingWith("ext.yaml: failOpen:");
  }

  /** The ConfigMap Envoy Gateway's extension server guide applies, as it is written there. */
  private static final String ENVOY_GATEWAY_CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: envoy-gateway-config
        namespace: envoy-gateway-system
      data:
        envoy-gateway.yaml: |
          apiVersion: gateway.envoyproxy.io/v1alpha1
          kind: EnvoyGateway
          provider:
            type: Kubernetes
          gateway:
            controllerName: gateway.envoyproxy.io/gatewayclass-controller
          extensionManager:
            # Envoy Gateway will watch these resource kinds and use them as extension policies
            # which can be attached to Gateway resources.
            policyResources:
            - group: example.extensions.io
              version: v1alpha1
              kind: ListenerContextExample
            hooks:
              # The type of hooks that should be invoked
              xdsTranslator:
                post:
                - HTTPListener
            service:
              # The service that is hosting the extension server
              fqdn:
                hostname: extension-server.envoy-gateway-system.svc.cluster.local
                port: 5005
      """;

  @Test
  void envoyGatewayConfigMap_isReadFromItsEnvoyGatewayYamlKey() throws Exception {
    ExtensionSettings s = parse(ENVOY_GATEWAY_CONFIG_MAP);

    assertThat(s.kinds().policyResources()).containsExactly(new GroupKind("example.extensions.io", "ListenerContextExample"));
    assertThat(s.hooks().enabled()).containsExactly(Hook.HTTP_LISTENER);
    assertThat(s.target()).hasToString("extension-server.envoy-gateway-system.svc.cluster.local:5005");
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void envoyGatewayConfigMap_problemsNameTheFileTheKeyAndTheField() {
    assertThatThrownBy(() -> parse(ENVOY_GATEWAY_CONFIG_MAP.replaceAll("(?s)      service:.*", "")))
        .hasMessage("ext.yaml: data.\"envoy-gateway.yaml\": extensionManager.service: is required");
    assertThatThrownBy(() -> parse(ENVOY_GATEWAY_CONFIG_MAP.replace("port: 5005", "port: 0")))
        .hasMessage("ext.yaml: data.\"envoy-gateway.yaml\": extensionManager.service.fqdn.port: must be between 1 and 65535");
  }

  @Test
  void envoyGatewayConfigMap_warningsNameTheKey() throws Exception {
    ExtensionSettings s = parse(ENVOY_GATEWAY_CONFIG_MAP.replace("      hooks:", "      retry: {maxAttempts: 3}\n      hooks:"));

    assertThat(s.warnings()).containsExactly("ext.yaml: data.\"envoy-gateway.yaml\": extensionManager.retry: unknown field, ignored");
  }

  @Test
  void configMapWithoutTheKey_isAnErrorNamingIt() {
    assertThatThrownBy(() -> parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: envoy-gateway-config}\ndata: {config.yaml: x}\n"))
        .hasMessage("ext.yaml: data.\"envoy-gateway.yaml\": is required: Envoy Gateway's ConfigMap holds its configuration under this key");
    assertThatThrownBy(() -> parse("apiVersion: v1\nkind: ConfigMap\ndata:\n  envoy-gateway.yaml: {extensionManager: {}}\n"))
        .hasMessage("ext.yaml: data.\"envoy-gateway.yaml\": must be text: the EnvoyGateway configuration as a YAML string");
    assertThatThrownBy(() -> parse("apiVersion: v1\nkind: ConfigMap\ndata:\n  envoy-gateway.yaml: \"a: [\\n b\"\n"))
        .hasMessage("ext.yaml: data.\"envoy-gateway.yaml\": not valid YAML: while parsing a flow sequence; "
            + "expected ',' or ']', but got <stream end> (line 2 of the text)");
  }

  @Test
  void envoyGatewayConfigurationWithoutExtensionManager_saysSo() {
    assertThatThrownBy(() -> parse("apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: EnvoyGateway\ngateway: {controllerName: x}\n"))
        .hasMessage("ext.yaml: extensionManager: is required");
  }

  private static ExtensionSettings parse(String yaml) throws Exception {
    return ExtensionConfigLoader.parse("ext.yaml", Mappers.yaml().readTree(yaml), Path.of("/etc/tollgate"));
  }
}
