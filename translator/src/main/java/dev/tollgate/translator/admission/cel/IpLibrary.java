package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;
import static dev.tollgate.translator.admission.cel.EvaluationErrors.parsed;
import static dev.tollgate.translator.admission.cel.KubernetesCelTypes.IP;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/** Kubernetes' IP library: {@code isIP}, {@code ip}, {@code ip.isCanonical} and the address predicates. */
final class IpLibrary implements KubernetesCelLibrary {

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration("ip", newGlobalOverload("string_to_ip", IP, SimpleType.STRING)),
        newFunctionDeclaration("isIP", newGlobalOverload("is_ip", SimpleType.BOOL, SimpleType.STRING)),
        newFunctionDeclaration("ip.isCanonical",
            newGlobalOverload("ip_is_canonical", SimpleType.BOOL, SimpleType.STRING)),
        newFunctionDeclaration("string", newGlobalOverload("ip_to_string", SimpleType.STRING, IP)),
        newFunctionDeclaration("family", newMemberOverload("ip_family", SimpleType.INT, IP)),
        predicate("isUnspecified", "ip_is_unspecified"),
        predicate("isLoopback", "ip_is_loopback"),
        predicate("isLinkLocalMulticast", "ip_is_link_local_multicast"),
        predicate("isLinkLocalUnicast", "ip_is_link_local_unicast"),
        predicate("isGlobalUnicast", "ip_is_global_unicast"));
  }

  private static CelFunctionDecl predicate(String name, String overloadId) {
    return newFunctionDeclaration(name, newMemberOverload(overloadId, SimpleType.BOOL, IP));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("string_to_ip", String.class, text -> parsed(() -> IpAddressParser.parse(text))),
        CelFunctionBinding.from("is_ip", String.class, IpAddressParser::isValid),
        CelFunctionBinding.from("ip_is_canonical", String.class,
            text -> parsed(() -> IpAddressParser.parse(text)).toString().equals(text)),
        CelFunctionBinding.from("ip_to_string", IpAddress.class, IpAddress::toString),
        CelFunctionBinding.from("ip_family", IpAddress.class, ip -> (long) ip.family()),
        CelFunctionBinding.from("ip_is_unspecified", IpAddress.class, IpAddress::isUnspecified),
        CelFunctionBinding.from("ip_is_loopback", IpAddress.class, IpAddress::isLoopback),
        CelFunctionBinding.from("ip_is_link_local_multicast", IpAddress.class, IpAddress::isLinkLocalMulticast),
        CelFunctionBinding.from("ip_is_link_local_unicast", IpAddress.class, IpAddress::isLinkLocalUnicast),
        CelFunctionBinding.from("ip_is_global_unicast", IpAddress.class, IpAddress::isGlobalUnicast));
  }
}
