package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertCompileError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrLibraryTest {

  @ParameterizedTest(name = "isCIDR(''{0}'') = {1}")
  @CsvSource(emptyValue = "", value = {
      "192.168.0.0/16, true",
      "::1/128, true",
      "192.168.0.0/33, false",
      "::1/129, false",
      "192.168.0.1/16, true",
      "0.0.0.0/0, true",
      "10.0.0.0/08, false",
      "10.0.0.0/+8, false",
      "10.0.0.0/, false",
      "10.0.0.0, false",
      "010.0.0.0/8, false",
      "::ffff:1.2.3.4/24, false",
      "fe80::%eth0/64, false",
      "'', false",
  })
  void isCIDR_followsGoNetipPrefixRules(String text, boolean expected) {
    assertThat(eval("isCIDR('" + text + "')")).isEqualTo(expected);
  }

  @Test
  void cidr_invalidNotation_isEvaluationError() {
    assertEvaluationError("cidr('192.168.0.0/33')");
    assertEvaluationError("cidr('::1/129')");
    assertEvaluationError("cidr('192.168.0.0/')").hasMessageContaining("192.168.0.0/");
  }

  @Test
  void cidr_nonStringArgument_isCompileError() {
    assertCompileError("cidr(192168)");
  }

  @Test
  void containsIP_acceptsAnIpOrAString() {
    assertThat(eval("cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))")).isEqualTo(true);
    assertThat(eval("cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))")).isEqualTo(false);
    assertThat(eval("cidr('192.168.0.0/24').containsIP('192.168.0.1')")).isEqualTo(true);
    assertThat(eval("cidr('192.168.0.0/24').containsIP('192.168.1.1')")).isEqualTo(false);
    assertThat(eval("cidr('2001:db8::/32').containsIP('2001:db8::1')")).isEqualTo(true);
    assertThat(eval("cidr('2001:db8::/32').containsIP('2001:dc8::1')")).isEqualTo(false);
    assertThat(eval("cidr('0.0.0.0/0').containsIP('::1')")).isEqualTo(false);
    assertThat(eval("cidr('192.168.0.1/24').containsIP('192.168.0.200')")).isEqualTo(true);
  }

  @Test
  void containsIP_invalidAddressString_isEvaluationError() {
    assertEvaluationError("cidr('192.168.0.0/24').containsIP('192.168.0')");
  }

  @Test
  void containsCIDR_isContainmentOfTheWholeSubnet() {
    assertThat(eval("cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))")).isEqualTo(true);
    assertThat(eval("cidr('192.168.1.0/24').containsCIDR(cidr('192.168.2.0/24'))")).isEqualTo(false);
    assertThat(eval("cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')")).isEqualTo(true);
    assertThat(eval("cidr('192.168.1.0/24').containsCIDR('192.168.2.0/24')")).isEqualTo(false);
    assertThat(eval("cidr('192.168.0.0/24').containsCIDR('192.168.0.0/25')")).isEqualTo(true);
    assertThat(eval("cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')")).isEqualTo(false);
    assertThat(eval("cidr('192.168.0.0/16').containsCIDR('192.168.0.1/32')")).isEqualTo(true);
    assertThat(eval("cidr('2001:db8::/32').containsCIDR('2001:db8::/33')")).isEqualTo(true);
    assertThat(eval("cidr('2001:db8::/32').containsCIDR('2001:db8::/31')")).isEqualTo(false);
    assertThat(eval("cidr('::/0').containsCIDR('10.0.0.0/8')")).isEqualTo(false);
  }

  @Test
  void members_returnAddressPrefixAndMaskedForm() {
    assertThat(eval("cidr('192.168.0.1/24').ip() == ip('192.168.0.1')")).isEqualTo(true);
    assertThat(eval("cidr('192.168.0.1/24').ip().family()")).isEqualTo(4L);
    assertThat(eval("cidr('::1/128').ip() == ip('::1')")).isEqualTo(true);
    assertThat(eval("cidr('::1/128').ip().family()")).isEqualTo(6L);
    assertThat(eval("cidr('192.168.0.0/16').prefixLength()")).isEqualTo(16L);
    assertThat(eval("cidr('::1/128').prefixLength()")).isEqualTo(128L);
    assertThat(eval("cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')")).isEqualTo(true);
    assertThat(eval("cidr('2001:db8:1::/32').masked() == cidr('2001:db8::/32')")).isEqualTo(true);
    assertThat(eval("string(cidr('10.1.2.3/0').masked())")).isEqualTo("0.0.0.0/0");
    assertThat(eval("string(cidr('2001:db8::ffff/120').masked())")).isEqualTo("2001:db8::ff00/120");
  }

  @Test
  void equality_keepsTheBitsAfterThePrefix() {
    assertThat(eval("cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()")).isEqualTo(true);
    assertThat(eval("cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()")).isEqualTo(false);
  }

  @Test
  void string_printsAddressAndPrefixLength() {
    assertThat(eval("string(cidr('192.168.0.0/24'))")).isEqualTo("192.168.0.0/24");
    assertThat(eval("string(cidr('2001:DB8::/32'))")).isEqualTo("2001:db8::/32");
  }
}
