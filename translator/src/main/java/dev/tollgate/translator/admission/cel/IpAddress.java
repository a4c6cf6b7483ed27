package dev.tollgate.translator.admission.cel;

/**
 * An IPv4 or IPv6 address as the CEL {@code ip()} function returns it: 128 bits in two halves
 * (an IPv4 address uses the low 32 bits), so equality is the record's own. The predicates follow
 * Go's net/netip, which the API server uses.
 */
record IpAddress(int family, long high, long low) {

  static IpAddress ipv4(long bits) {
    return new IpAddress(4, 0, bits & 0xFFFF_FFFFL);
  }

  static IpAddress ipv6(long high, long low) {
    return new IpAddress(6, high, low);
  }

  int bitLength() {
    return family == 4 ? 32 : 128;
  }

  boolean isUnspecified() {
    return high == 0 && low == 0;
  }

  boolean isLoopback() {
    return family == 4 ? (low >>> 24) == 127 : high == 0 && low == 1;
  }

  boolean isMulticast() {
    return family == 4 ? (low >>> 28) == 0xE : (high >>> 56) == 0xFF;
  }

  /** 224.0.0.0/24, or IPv6 multicast of link-local scope (ffx2::/16, whatever the flags). */
  boolean isLinkLocalMulticast() {
    return family == 4 ? (low >>> 8) == 0xE0_0000 : ((high >>> 48) & 0xFF0F) == 0xFF02;
  }

  boolean isLinkLocalUnicast() {
    return family == 4 ? (low >>> 16) == 0xA9FE : ((high >>> 48) & 0xFFC0) == 0xFE80;
  }

  /** Private ranges and unique-local addresses count as global unicast, as in Go. */
  boolean isGlobalUnicast() {
    if (isUnspecified() || (family == 4 && low == 0xFFFF_FFFFL)) {
      return false;
    }
    return !isLoopback() && !isMulticast() && !isLinkLocalUnicast();
  }

  /** The address with every bit after the first {@code prefixLength} cleared. */
  IpAddress masked(int prefixLength) {
    if (family == 4) {
      return ipv4(low & (0xFFFF_FFFFL << (32 - prefixLength)));
    }
    if (prefixLength <= 64) {
      return ipv6(high & leadingOnes(prefixLength), 0);
    }
    return ipv6(high, low & leadingOnes(prefixLength - 64));
  }

  private static long leadingOnes(int count) {
    return count == 0 ? 0 : -1L << (64 - count);
  }

  /** The canonical text: dotted decimal, or RFC 5952 (lower case, longest zero run as "::"). */
  @Override
  public String toString() {
    if (family == 4) {
      return (low >>> 24) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
    }
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      long half = i < 4 ? high : low;
      words[i] = (int) ((half >>> (48 - 16 * (i % 4))) & 0xFFFF);
    }
    int zeroStart = -1;
    int zeroLength = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && words[j] == 0) {
        j++;
      }
      if (j - i > zeroLength) {
        zeroStart = i;
        zeroLength = j - i;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == zeroStart) {
        text.append("::");
        i += zeroLength - 1;
        continue;
      }
      if (i > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(words[i]));
    }
    return text.toString();
  }
}
