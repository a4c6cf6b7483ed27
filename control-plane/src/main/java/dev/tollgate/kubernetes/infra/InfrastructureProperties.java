package dev.tollgate.kubernetes.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Map;

/** The reconciler's settings, under {@code tollgate.infrastructure.*}. */
@ConfigurationProperties("tollgate.infrastructure")
public class InfrastructureProperties {

  /** Whether serve with the Kubernetes provider creates and maintains each Gateway's proxies. */
  private boolean reconcile = true;
  /** Where every proxy's objects live; unset: {@link InfrastructureNamespace#resolve}. */
  private String namespace;
  /** How often every object is applied again, repairing what no watch event showed. */
  private Duration resyncInterval = Duration.ofMinutes(10);
  /** Where the rendered proxies reach Tollgate's xDS; unset: {@code tollgate.<namespace>.svc:18000}. */
  private String xdsAddress;
  /** The Envoy image of the rendered proxies, unless an EnvoyProxy names one. */
  private String envoyImage;
  /** A ConfigMap (key {@code ca.crt}) in the namespace the proxies verify Tollgate with over TLS; unset: plaintext. */
  private String xdsCaConfigMap;

  /** The settings in effect. */
  public ReconcilerSettings settings(Map<String, String> env) {
    return ReconcilerSettings.defaults(InfrastructureNamespace.resolve(namespace, env)).withResync(resyncInterval);
  }

  public boolean isReconcile() {
    return reconcile;
  }

  public void setReconcile(boolean reconcile) {
    this.reconcile = reconcile;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public Duration getResyncInterval() {
    return resyncInterval;
  }

  public void setResyncInterval(Duration resyncInterval) {
    this.resyncInterval = resyncInterval;
  }

  public String getXdsAddress() {
    return xdsAddress;
  }

  public void setXdsAddress(String xdsAddress) {
    this.xdsAddress = xdsAddress;
  }

  public String getEnvoyImage() {
    return envoyImage;
  }

  public void setEnvoyImage(String envoyImage) {
    this.envoyImage = envoyImage;
  }

  public String getXdsCaConfigMap() {
    return xdsCaConfigMap;
  }

  public void setXdsCaConfigMap(String xdsCaConfigMap) {
    this.xdsCaConfigMap = xdsCaConfigMap;
  }
}
