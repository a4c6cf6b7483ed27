package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;
import static dev.tollgate.translator.admission.cel.EvaluationErrors.parsed;
import static dev.tollgate.translator.admission.cel.KubernetesCelTypes.CIDR;
import static dev.tollgate.translator.admission.cel.KubernetesCelTypes.IP;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * Kubernetes' CIDR library: {@code isCIDR}, {@code cidr} and its members. {@code containsCIDR} is
 * true containment, as documented and as the API server computes it since Kubernetes 1.33 (before,
 * it wrongly compared the unmasked addresses).
 */
final class CidrLibrary implements KubernetesCelLibrary {

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration("cidr", newGlobalOverload("string_to_cidr", CIDR, SimpleType.STRING)),
        newFunctionDeclaration("isCIDR", newGlobalOverload("is_cidr", SimpleType.BOOL, SimpleType.STRING)),
        newFunctionDeclaration("string", newGlobalOverload("cidr_to_string", SimpleType.STRING, CIDR)),
        newFunctionDeclaration("containsIP",
            newMemberOverload("cidr_contains_ip_string", SimpleType.BOOL, CIDR, SimpleType.STRING),
            newMemberOverload("cidr_contains_ip_ip", SimpleType.BOOL, CIDR, IP)),
        newFunctionDeclaration("containsCIDR",
            newMemberOverload("cidr_contains_cidr_string", SimpleType.BOOL, CIDR, SimpleType.STRING),
            newMemberOverload("cidr_contains_cidr", SimpleType.BOOL, CIDR, CIDR)),
        newFunctionDeclaration("ip", newMemberOverload("cidr_ip", IP, CIDR)),
        newFunctionDeclaration("prefixLength", newMemberOverload("cidr_prefix_length", SimpleType.INT, CIDR)),
        newFunctionDeclaration("masked", newMemberOverload("cidr_masked", CIDR, CIDR)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("string_to_cidr", String.class, text -> parsed(() -> Cidr.parse(text))),
        CelFunctionBinding.from("is_cidr", String.class, Cidr::isValid),
        CelFunctionBinding.from("cidr_to_string", Cidr.class, Cidr::toString),
        CelFunctionBinding.from("cidr_contains_ip_string", Cidr.class, String.class,
            (cidr, text) -> cidr.contains(parsed(() -> IpAddressParser.parse(text)))),
        CelFunctionBinding.from("cidr_contains_ip_ip", Cidr.class, IpAddress.class, Cidr::contains),
        CelFunctionBinding.from("cidr_contains_cidr_string", Cidr.class, String.class,
            (cidr, text) -> cidr.contains(parsed(() -> Cidr.parse(text)))),
        CelFunctionBinding.from("cidr_contains_cidr", Cidr.class, Cidr.class, Cidr::contains),
        CelFunctionBinding.from("cidr_ip", Cidr.class, Cidr::address),
        CelFunctionBinding.from("cidr_prefix_length", Cidr.class, cidr -> (long) cidr.prefixLength()),
        CelFunctionBinding.from("cidr_masked", Cidr.class, Cidr::masked));
  }
}
