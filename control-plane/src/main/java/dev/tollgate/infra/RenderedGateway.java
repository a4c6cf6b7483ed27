package dev.tollgate.infra;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The Kubernetes objects that run one Gateway's proxies, as they should be in the cluster.
 *
 * @param gatewayNamespace the Gateway's namespace
 * @param gatewayName the Gateway's name
 * @param objects the objects, in the order they are best applied (ServiceAccount and ConfigMaps
 *     before the Deployment that mounts them); empty when {@code problems} is not
 * @param problems why the objects could not be rendered (a patch that does not apply, say), each
 *     naming the object and field at fault; a Gateway with problems keeps whatever runs for it now
 */
public record RenderedGateway(String gatewayNamespace, String gatewayName, List<HasMetadata> objects, List<String> problems) {

  public RenderedGateway {
    objects = List.copyOf(objects);
    problems = List.copyOf(problems);
  }

  /** {@code namespace/name}, as the translation's results name Gateways. */
  public String gateway() {
    return gatewayNamespace + "/" + gatewayName;
  }
}
