package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertCompileError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpLibraryTest {

  @ParameterizedTest(name = "isIP(''{0}'') = {1}")
  @CsvSource(emptyValue = "", value = {
      "127.0.0.1, true",
      "::1, true",
      "127.0.0.256, false",
      ":::1, false",
      "2001:db8::abcd, true",
      "1:2:3:4:5:6:7:8, true",
      "::1.2.3.4, true",
      "1:2:3:4:5:6:1.2.3.4, true",
      "'', false",
      "1.2.3, false",
      "1.2.3.4.5, false",
      "1..2.3, false",
      "1.2.3.4., false",
      "010.0.0.1, false",
      "0.0.0.0, true",
      "::ffff:1.2.3.4, false",
      "::ffff:102:304, false",
      "fe80::1%eth0, false",
      "1:2:3:4:5:6:7:8:9, false",
      "1:2:3:4:5:6:7:8::, false",
      "1::2::3, false",
      "12345::1, false",
      "1:2:3:4:5:1.2.3.4, false",
      "[::1], false",
      "example.com, false",
      "localhost, false",
      "1.2.3.04, false",
  })
  void isIP_followsGoNetipWithoutZonesOrMappedAddresses(String text, boolean expected) {
    assertThat(eval("isIP('" + text + "')")).isEqualTo(expected);
  }

  @Test
  void ip_invalidAddress_isEvaluationError() {
    assertEvaluationError("ip('127.0.0.256')").hasMessageContaining("127.0.0.256");
    assertEvaluationError("ip(':::1')");
    assertEvaluationError("ip('x')");
    assertEvaluationError("ip('::ffff:1.2.3.4')").hasMessageContaining("IPv4-mapped");
  }

  @Test
  void ip_nonStringArgument_isCompileError() {
    assertCompileError("ip(1)");
  }

  @Test
  void family_isFourOrSix() {
    assertThat(eval("ip('127.0.0.1').family()")).isEqualTo(4L);
    assertThat(eval("ip('::1').family()")).isEqualTo(6L);
    assertThat(eval("ip('127.0.0.1').family() == 4")).isEqualTo(true);
    assertThat(eval("ip('::1').family() == 6")).isEqualTo(true);
  }

  @ParameterizedTest(name = "ip(''{0}'').{1}() = {2}")
  @CsvSource({
      "0.0.0.0, isUnspecified, true",
      "127.0.0.1, isUnspecified, false",
      "::, isUnspecified, true",
      "::1, isUnspecified, false",
      "127.0.0.1, isLoopback, true",
      "127.255.0.9, isLoopback, true",
      "192.168.0.1, isLoopback, false",
      "::1, isLoopback, true",
      "2001:db8::abcd, isLoopback, false",
      "224.0.0.1, isLinkLocalMulticast, true",
      "224.0.1.1, isLinkLocalMulticast, false",
      "ff02::1, isLinkLocalMulticast, true",
      "ff12::1, isLinkLocalMulticast, true",
      "ff05::1, isLinkLocalMulticast, false",
      "fd00::1, isLinkLocalMulticast, false",
      "169.254.169.254, isLinkLocalUnicast, true",
      "192.168.0.1, isLinkLocalUnicast, false",
      "fe80::1, isLinkLocalUnicast, true",
      "febf::1, isLinkLocalUnicast, true",
      "fd80::1, isLinkLocalUnicast, false",
      "192.168.0.1, isGlobalUnicast, true",
      "10.0.0.1, isGlobalUnicast, true",
      "255.255.255.255, isGlobalUnicast, false",
      "0.0.0.0, isGlobalUnicast, false",
      "127.0.0.1, isGlobalUnicast, false",
      "224.0.0.1, isGlobalUnicast, false",
      "2001:db8::abcd, isGlobalUnicast, true",
      "fd00::1, isGlobalUnicast, true",
      "ff00::1, isGlobalUnicast, false",
      "fe80::1, isGlobalUnicast, false",
  })
  void predicates_matchTheDocumentedExamples(String address, String predicate, boolean expected) {
    assertThat(eval("ip('" + address + "')." + predicate + "()")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "ip.isCanonical(''{0}'') = {1}")
  @CsvSource({
      "127.0.0.1, true",
      "2001:db8::abcd, true",
      "2001:DB8::ABCD, false",
      "2001:db8::0:0:0:abcd, false",
      "2001:db8:0:0:1:0:0:1, false",
      "2001:db8::1:0:0:1, true",
      "2001:0:0:1::1, true",
      "2001::1:0:0:1, true",
      "::, true",
      "::1.2.3.4, false",
  })
  void isCanonical_trueOnlyForTheOneCanonicalSpelling(String text, boolean expected) {
    assertThat(eval("ip.isCanonical('" + text + "')")).isEqualTo(expected);
  }

  @Test
  void isCanonical_invalidAddress_isEvaluationError() {
    assertEvaluationError("ip.isCanonical('1.2.3')");
  }

  @Test
  void string_printsTheCanonicalForm() {
    assertThat(eval("string(ip('2001:DB8:0:0:0:0:0:1'))")).isEqualTo("2001:db8::1");
    assertThat(eval("string(ip('::1.2.3.4'))")).isEqualTo("::102:304");
    assertThat(eval("string(ip('10.1.2.3'))")).isEqualTo("10.1.2.3");
  }

  @Test
  void equality_comparesAddressesNotSpellings() {
    assertThat(eval("ip('::1') == ip('0:0:0:0:0:0:0:1')")).isEqualTo(true);
    assertThat(eval("ip('127.0.0.1') == ip('127.0.0.2')")).isEqualTo(false);
  }
}
