package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.evalWithSelf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesCelTest {

  // Gateway API, Gateway/HTTPRoute/GRPCRoute/TLSRoute hostnames.
  private static final String HOSTNAMES_NOT_IPS = "self.all(h, !isIP(h))";
  private static final String HOSTNAMES_RFC_1123 = "self.all(h, !h.contains('*') ? h.matches("
      + "'^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$') : true)";
  // A name rule written as Kubernetes documents the format library.
  private static final String ENDPOINT_NAME = "size(self) == 0 || !format.dns1123Label().validate(self).hasValue()";

  @Test
  void hostnamesRule_namesWithoutAddresses_isTrue() {
    assertThat(evalWithSelf(HOSTNAMES_NOT_IPS, List.of("example.com", "*.example.com", "a.b.c"))).isEqualTo(true);
    assertThat(evalWithSelf(HOSTNAMES_NOT_IPS, List.of())).isEqualTo(true);
    assertThat(evalWithSelf(HOSTNAMES_NOT_IPS, List.of("1.2.3.4.example.com", "010.0.0.1"))).isEqualTo(true);
  }

  @Test
  void hostnamesRule_anAddressAmongTheNames_isFalse() {
    assertThat(evalWithSelf(HOSTNAMES_NOT_IPS, List.of("example.com", "10.0.0.1"))).isEqualTo(false);
    assertThat(evalWithSelf(HOSTNAMES_NOT_IPS, List.of("::1"))).isEqualTo(false);
    assertThat(evalWithSelf(HOSTNAMES_NOT_IPS, List.of("2001:db8::1", "example.com"))).isEqualTo(false);
  }

  @Test
  void hostnamesRules_together_acceptOnlyDnsNames() {
    List<String> good = List.of("foo.example.com", "*.example.com");
    List<String> bad = List.of("Foo.example.com");
    assertThat(evalWithSelf(HOSTNAMES_RFC_1123, good)).isEqualTo(true);
    assertThat(evalWithSelf(HOSTNAMES_RFC_1123, bad)).isEqualTo(false);
    assertThat(evalWithSelf(HOSTNAMES_NOT_IPS + " && " + HOSTNAMES_RFC_1123, List.of("192.168.0.1"))).isEqualTo(false);
  }

  @Test
  void endpointNameRule_isTrueForEmptyOrValidLabels() {
    assertThat(evalWithSelf(ENDPOINT_NAME, "")).isEqualTo(true);
    assertThat(evalWithSelf(ENDPOINT_NAME, "backend-1")).isEqualTo(true);
    assertThat(evalWithSelf(ENDPOINT_NAME, "Backend_1")).isEqualTo(false);
  }

  @Test
  void functions_givenWrongRuntimeTypes_failAsEvaluationErrors() {
    assertEvaluationError("dyn('x').family()");
    assertEvaluationError("dyn(1).containsIP('1.2.3.4')");
    assertEvaluationError("dyn(['a']).getHost()");
    assertEvaluationError("dyn({'a': 1}).isSorted()");
    assertEvaluationError("format.dns1123Label().validate(dyn(1))");
  }

  @Test
  void functions_onObjectFields_readLikeCrdRules() {
    Map<String, Object> spec = Map.of(
        "cidr", "10.0.0.0/8",
        "address", "10.1.2.3",
        "endpoint", "https://auth.example.com:8443/check",
        "memory", "512Mi");
    assertThat(evalWithSelf("cidr(self.cidr).containsIP(self.address)", spec)).isEqualTo(true);
    assertThat(evalWithSelf("url(self.endpoint).getPort() == '8443'", spec)).isEqualTo(true);
    assertThat(evalWithSelf("quantity(self.memory).isLessThan(quantity('1Gi'))", spec)).isEqualTo(true);
    assertThat(evalWithSelf("has(self.cidr) && isCIDR(self.cidr) && !isIP(self.cidr)", spec)).isEqualTo(true);
  }

  @Test
  void transitionRule_compilesAndReadsOldSelf() throws Exception {
    Cel cel = KubernetesCel.newEnvironment();
    var program = cel.createProgram(cel.compile("self == oldSelf").getAst());
    assertThat(program.eval(Map.of(KubernetesCel.SELF, "a", KubernetesCel.OLD_SELF, "a"))).isEqualTo(true);
    assertThat(program.eval(Map.of(KubernetesCel.SELF, "a", KubernetesCel.OLD_SELF, "b"))).isEqualTo(false);
  }

  @Test
  void libraries_addToACallersOwnBuilder() throws Exception {
    Cel cel = CelFactory.standardCelBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("self", SimpleType.DYN)
        .addCompilerLibraries(CelExtensions.strings())
        .addRuntimeLibraries(CelExtensions.strings())
        .addCompilerLibraries(KubernetesCelLibraries.compilerLibraries())
        .addRuntimeLibraries(KubernetesCelLibraries.runtimeLibraries())
        .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
        .build();
    Object result = cel.createProgram(cel.compile(HOSTNAMES_NOT_IPS).getAst())
        .eval(Map.of("self", List.of("example.com")));
    assertThat(result).isEqualTo(true);
    assertThat(KubernetesCelLibraries.compilerLibraries()).hasSameSizeAs(KubernetesCelLibraries.runtimeLibraries());
  }
}
