package dev.tollgate.kubernetes.leader;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Map;

/**
 * The leader election's settings, under {@code tollgate.leader-election.*}: client-go's durations
 * by default, which every replica of one deployment must share.
 */
@ConfigurationProperties("tollgate.leader-election")
public class LeaderElectionProperties {

  /** The Lease's namespace; unset: the pod's ({@code POD_NAMESPACE}), else the client's, else {@code default}. */
  private String namespace;
  private String leaseName = LeaderSettings.DEFAULT_NAME;
  /** How long a lease holds without renewal: the longest failover after a replica dies without releasing it. */
  private Duration leaseDuration = LeaderSettings.DEFAULT_LEASE_DURATION;
  /** How long the leader keeps trying to renew before it stops writing. */
  private Duration renewDeadline = LeaderSettings.DEFAULT_RENEW_DEADLINE;
  /** How often candidates try to acquire the lease, and the leader renews it. */
  private Duration retryPeriod = LeaderSettings.DEFAULT_RETRY_PERIOD;

  /**
   * The settings in effect.
   *
   * @param clientNamespace the namespace of the client's context, the fallback after {@code POD_NAMESPACE}
   * @throws IllegalArgumentException naming the settings, when the durations are not ordered as client-go requires
   */
  public LeaderSettings settings(Map<String, String> env, String clientNamespace) {
    String ns = namespace != null && !namespace.isEmpty() ? namespace
        : env.get("POD_NAMESPACE") != null && !env.get("POD_NAMESPACE").isEmpty() ? env.get("POD_NAMESPACE")
        : clientNamespace != null && !clientNamespace.isEmpty() ? clientNamespace : "default";
    try {
      return new LeaderSettings(ns, leaseName, LeaderSettings.identity(env), leaseDuration, renewDeadline, retryPeriod);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tollgate.leader-election: " + e.getMessage() + " (lease-duration "
          + leaseDuration + ", renew-deadline " + renewDeadline + ", retry-period " + retryPeriod + ")", e);
    }
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getLeaseName() {
    return leaseName;
  }

  public void setLeaseName(String leaseName) {
    this.leaseName = leaseName;
  }

  public Duration getLeaseDuration() {
    return leaseDuration;
  }

  public void setLeaseDuration(Duration leaseDuration) {
    this.leaseDuration = leaseDuration;
  }

  public Duration getRenewDeadline() {
    return renewDeadline;
  }

  public void setRenewDeadline(Duration renewDeadline) {
    this.renewDeadline = renewDeadline;
  }

  public Duration getRetryPeriod() {
    return retryPeriod;
  }

  public void setRetryPeriod(Duration retryPeriod) {
    this.retryPeriod = retryPeriod;
  }
}
