package dev.tollgate.translator.admission.cel;

import dev.cel.common.types.OpaqueType;

/**
 * The opaque CEL types the Kubernetes libraries add. They carry the API server's type names, so
 * {@code type(ip('::1'))} and error messages read the same as they do there.
 */
final class KubernetesCelTypes {

  static final OpaqueType IP = OpaqueType.create("net.IP");
  static final OpaqueType CIDR = OpaqueType.create("net.CIDR");
  static final OpaqueType URL = OpaqueType.create("kubernetes.URL");
  static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  static final OpaqueType NAMED_FORMAT = OpaqueType.create("kubernetes.NamedFormat");

  private KubernetesCelTypes() {}
}
