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
  void fieldsNotRead_areReportedAsWarnings() throws Exception {
    ExtensionSettings s = parse("extensionManager:\n  retry: {maxAttempts: 3}\n  service: {ip: {address: 127.0.0.1, port: 1}}");

    assertThat(s.warnings()).containsExactly("ext.yaml: extensionManager.retry: unknown field, ignored");
  }

  @Test
  void badFields_areNamed() {
    assertThatThrownBy(() -> parse("extensionManager: {hooks: {xdsTranslator: {post: [Route, Listener]}}, service: {ip: {address: 127.0.0.1, port: 1}}}"))
        .hasMessage("ext.yaml: extensionManager.hooks.xdsTranslator.post[1]: \"Listener\" is not one of Route, VirtualHost, HTTPListener, Cluster, Translation");
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

  private static ExtensionSettings parse(String yaml) throws Exception {
    return ExtensionConfigLoader.parse("ext.yaml", Mappers.yaml().readTree(yaml), Path.of("/etc/tollgate"));
  }
}
