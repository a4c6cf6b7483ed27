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
}
