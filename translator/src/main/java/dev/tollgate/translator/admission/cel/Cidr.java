package dev.tollgate.translator.admission.cel;

/**
 * A subnet in CIDR notation as the CEL {@code cidr()} function returns it. The address keeps the
 * bits after the prefix as written ({@code 192.168.0.1/24} is not equal to its {@link #masked()}
 * form), as the API server does.
 */
record Cidr(IpAddress address, int prefixLength) {

  static boolean isValid(String text) {
    return Parses.succeeds(Cidr::parse, text);
  }

  /** Go's netip.ParsePrefix rules: one '/', a decimal length without sign or leading zero. */
  static Cidr parse(String text) {
    int slash = text.lastIndexOf('/');
    if (slash < 0) {
      throw invalid(text, "no '/'");
    }
    IpAddress address;
    try {
      address = IpAddressParser.parse(text.substring(0, slash));
    } catch (IllegalArgumentException e) {
      throw invalid(text, e.getMessage());
    }
    String bits = text.substring(slash + 1);
    boolean decimal = !bits.isEmpty() && bits.length() <= 3 && bits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!decimal || (bits.length() > 1 && bits.charAt(0) == '0')) {
      throw invalid(text, "bad prefix length '" + bits + "'");
    }
    int prefixLength = Integer.parseInt(bits);
    if (prefixLength > address.bitLength()) {
      throw invalid(text, "prefix length out of range");
    }
    return new Cidr(address, prefixLength);
  }

  Cidr masked() {
    return new Cidr(address.masked(prefixLength), prefixLength);
  }

  boolean contains(IpAddress ip) {
    return ip.family() == address.family() && ip.masked(prefixLength).equals(address.masked(prefixLength));
  }

  /** True when every address of {@code other} is in this subnet. */
  boolean contains(Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.address);
  }

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("network address '" + text + "' is not valid: " + reason);
  }
}
