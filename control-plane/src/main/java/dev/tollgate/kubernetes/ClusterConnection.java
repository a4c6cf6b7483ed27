package dev.tollgate.kubernetes;

import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;

/**
 * How serve reaches the cluster, the same for every client it builds (the provider's, proxy
 * authentication's): the kubeconfig of {@code tollgate.kubeconfig} when given, else fabric8's
 * usual search (the pod's ServiceAccount, {@code KUBECONFIG}, {@code ~/.kube/config}).
 */
public final class ClusterConnection {

  private ClusterConnection() {}

  /** @param kubeconfig a kubeconfig file, or null */
  public static Config config(String kubeconfig) throws IOException {
    if (kubeconfig == null || kubeconfig.isEmpty()) {
      return Config.autoConfigure(null);
    }
    File file = new File(kubeconfig);
    if (!file.canRead()) {
      throw new IOException("tollgate.kubeconfig: " + file + (file.exists() ? ": cannot be read" : ": does not exist"));
    }
    return Config.fromKubeconfig(file);
  }
}
