package dev.tollgate.extension.config;

import java.util.List;

/**
 * Envoy Gateway's {@code extensionManager} settings, field for field where they apply outside
 * Kubernetes. TLS material is read from files ({@code caFile}, {@code certificateFile},
 * {@code keyFile}); {@code timeout} bounds every hook call; {@code allowAuthorizationChanges}
 * lets the extension change what SecurityPolicies put in place (refused by default).
 */
public record ExtensionManager(
    List<GroupVersionKind> resources,
    List<GroupVersionKind> policyResources,
    List<GroupVersionKind> backendResources,
    Hooks hooks,
    Service service,
    Boolean failOpen,
    String maxMessageSize,
    String timeout,
    Boolean allowAuthorizationChanges) {

  public ExtensionManager {
    resources = resources == null ? List.of() : resources;
    policyResources = policyResources == null ? List.of() : policyResources;
    backendResources = backendResources == null ? List.of() : backendResources;
  }

  public record GroupVersionKind(String group, String version, String kind) {}

  public record Hooks(XdsTranslatorHooks xdsTranslator) {}

  public record XdsTranslatorHooks(List<String> pre, List<String> post, Translation translation) {
    public XdsTranslatorHooks {
      pre = pre == null ? List.of() : pre;
      post = post == null ? List.of() : post;
    }
  }

  public record Translation(Include listener, Include route, Include cluster, Include secret) {}

  public record Include(Boolean includeAll) {}

  /** Where the extension listens: one of {@code fqdn}, {@code ip}, {@code unix}, or the older {@code host} and {@code port}. */
  public record Service(Fqdn fqdn, Ip ip, Unix unix, String host, Integer port, Tls tls) {}

  public record Fqdn(String hostname, Integer port) {}

  public record Ip(String address, Integer port) {}

  public record Unix(String path) {}

  /**
   * @param caFile PEM certificates that must have signed the extension's certificate
   * @param certificateFile with {@code keyFile}: the client certificate for mutual TLS
   * @param certificateRef Kubernetes' way of naming the CA; refused outside Kubernetes with a hint
   */
  public record Tls(String caFile, String certificateFile, String keyFile, Object certificateRef, Object clientCertificateRef) {}
}
