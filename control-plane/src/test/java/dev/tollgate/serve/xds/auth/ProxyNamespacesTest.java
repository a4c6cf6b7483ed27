package dev.tollgate.serve.xds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.kubernetes.infra.InfrastructureProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyNamespacesTest {

  private static InfrastructureProperties infrastructure(String namespace, boolean reconcile) {
    InfrastructureProperties p = new InfrastructureProperties();
    p.setNamespace(namespace);
    p.setReconcile(reconcile);
    return p;
  }

  @Test
  void byDefault_tollgatesNamespace_andTheOneItCreatesProxiesIn() {
    assertThat(ProxyAuthentication.proxyNamespaces(new ProxyAuthSettings(), "tollgate", infrastructure("proxies", true),
        "kubernetes", Map.of())).containsExactlyInAnyOrder("tollgate", "proxies");
  }

  @Test
  void withoutReconciling_orWithTheFileProvider_onlyTollgatesNamespace() {
    assertThat(ProxyAuthentication.proxyNamespaces(new ProxyAuthSettings(), "tollgate", infrastructure("proxies", false),
        "kubernetes", Map.of())).containsExactly("tollgate");
    assertThat(ProxyAuthentication.proxyNamespaces(new ProxyAuthSettings(), "tollgate", infrastructure("proxies", true),
        "file", Map.of())).containsExactly("tollgate");
  }

  @Test
  void givenNamespaces_areExactlyThose() {
    ProxyAuthSettings settings = new ProxyAuthSettings();
    settings.setProxyAuthNamespaces(List.of("edge"));
    assertThat(ProxyAuthentication.proxyNamespaces(settings, "tollgate", infrastructure("proxies", true), "kubernetes", Map.of()))
        .containsExactly("edge");
  }
}
