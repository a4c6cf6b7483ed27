package dev.tollgate.kubernetes.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease.
 *
 * @param namespace the Lease's namespace (Tollgate's own, usually)
 * @param name the Lease's name; replicas of one deployment share it
 * @param identity this replica's holder identity, unique among the replicas
 * @param leaseDuration how long a lease holds without renewal: the longest failover after a crash
 * @param renewDeadline how long the leader keeps trying to renew before it stops leading
 * @param retryPeriod how often candidates try to acquire, and the leader renews
 */
public record LeaderSettings(
    String namespace, String name, String identity, Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

  public static final String DEFAULT_NAME = "tollgate-leader";
  /** client-go's defaults. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

  public LeaderSettings {
    if (namespace == null || namespace.isEmpty() || name == null || name.isEmpty() || identity == null || identity.isEmpty()) {
      throw new IllegalArgumentException("the Lease's namespace and name and the identity must be set");
    }
    if (!(leaseDuration.compareTo(renewDeadline) > 0 && renewDeadline.compareTo(retryPeriod) > 0 && !retryPeriod.isNegative()
        && !retryPeriod.isZero())) {
      throw new IllegalArgumentException(
          "leaseDuration must exceed renewDeadline, which must exceed retryPeriod (as client-go requires)");
    }
  }

  /** client-go's defaults: 15 s lease, 10 s renew deadline, 2 s retry period. */
  public static LeaderSettings defaults(String namespace) {
    return new LeaderSettings(namespace, DEFAULT_NAME, identity(System.getenv()),
        DEFAULT_LEASE_DURATION, DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD);
  }

  public LeaderSettings withIdentity(String id) {
    return new LeaderSettings(namespace, name, id, leaseDuration, renewDeadline, retryPeriod);
  }

  public LeaderSettings withDurations(Duration lease, Duration renew, Duration retry) {
    return new LeaderSettings(namespace, name, identity, lease, renew, retry);
  }

  /**
   * The pod's name ({@code POD_NAME}, from the downward API) when set; otherwise the host name
   * with a random suffix, so two processes on one host never share an identity.
   */
  static String identity(Map<String, String> env) {
    String pod = env.get("POD_NAME");
    if (pod != null && !pod.isBlank()) {
      return pod;
    }
    String host = env.getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "tollgate";
      }
    }
    byte[] suffix = new byte[4];
    new SecureRandom().nextBytes(suffix);
    return host + "-" + HexFormat.of().formatHex(suffix);
  }
}
