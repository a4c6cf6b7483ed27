package dev.tollgate.translator.validate;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A listener's filter chains must be told apart, or Envoy rejects the listener. Without a
 * {@code filter_chain_matcher}, Envoy files each chain under every combination of its match
 * values (destination port, destination range, server name, transport protocol, application
 * protocol, direct source range, source type, source range, source port; an empty list is one
 * "any" value) and refuses a combination two chains share, an identical match first of all. It
 * also refuses server names with a wildcard anywhere but a leading {@code *.}, and the
 * unimplemented {@code address_suffix} and {@code suffix_len}. With a matcher, chains are found
 * by name instead, so each needs a name of its own.
 */
final class FilterChainMatches {

  /** Beyond this many combinations for one listener the overlap check is not attempted. */
  private static final int MAX_COMBINATIONS = 100_000;

  private FilterChainMatches() {}

  static void check(List<? extends Message> listeners, List<Violation> violations) {
    for (Message m : listeners) {
      Listener l = (Listener) m;
      if (l.getFilterChainsCount() == 0) {
        continue;
      }
      ViolationSink sink = new ViolationSink(() -> XdsType.LISTENER.label() + " " + l.getName(), violations);
      if (l.hasFilterChainMatcher()) {
        names(l.getFilterChainsList(), sink);
      } else {
        matches(l.getFilterChainsList(), sink);
      }
    }
  }

  private static void names(List<FilterChain> chains, ViolationSink sink) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < chains.size(); i++) {
      FieldPath at = FieldPath.ROOT.field("filter_chains").index(i).field("name");
      String name = chains.get(i).getName();
      if (name.isEmpty()) {
        sink.add(at, "is required when the listener has a filter_chain_matcher");
        continue;
      }
      Integer first = seen.putIfAbsent(name, i);
      if (first != null) {
        sink.add(at, "filter_chains[" + first + "] has the same name; with a filter_chain_matcher names must be unique");
      }
    }
  }

  private static void matches(List<FilterChain> chains, ViolationSink sink) {
    Map<FilterChainMatch, Integer> identical = new HashMap<>();
    Map<List<Object>, Integer> owners = new HashMap<>();
    int combinations = 0;
    for (int i = 0; i < chains.size(); i++) {
      FilterChainMatch match = chains.get(i).getFilterChainMatch();
      FieldPath at = FieldPath.ROOT.field("filter_chains").index(i).field("filter_chain_match");
      if (!match.getAddressSuffix().isEmpty() || match.hasSuffixLen()) {
        sink.add(at, "address_suffix and suffix_len are not implemented by Envoy");
        continue;
      }
      Integer same = identical.putIfAbsent(match, i);
      if (same != null) {
        sink.add(at, "filter_chains[" + same + "] has the same matching rules");
        continue;
      }
      if (!serverNamesSupported(match, at, sink)) {
        continue;
      }
      List<List<Object>> dimensions = dimensions(match);
      long count = 1;
      for (List<Object> d : dimensions) {
        count *= d.size();
      }
      combinations += (int) Math.min(count, MAX_COMBINATIONS + 1L);
      if (combinations > MAX_COMBINATIONS) {
        return;
      }
      Set<Integer> overlapping = new HashSet<>();
      for (List<Object> key : product(dimensions)) {
        Integer owner = owners.putIfAbsent(key, i);
        if (owner != null) {
          overlapping.add(owner);
        }
      }
      if (!overlapping.isEmpty()) {
        int owner = overlapping.stream().min(Integer::compare).orElseThrow();
        sink.add(at, owner == i ? "lists one value twice, so it overlaps itself"
            : "overlaps filter_chains[" + owner + "]: some connection would match both");
      }
    }
  }

  private static boolean serverNamesSupported(FilterChainMatch match, FieldPath at, ViolationSink sink) {
    boolean ok = true;
    for (int s = 0; s < match.getServerNamesCount(); s++) {
      String name = match.getServerNames(s);
      if (name.contains("*") && !name.startsWith("*.")) {
        sink.add(at.field("server_names").index(s), "\"" + name + "\": a wildcard is only supported as a leading \"*.\"");
        ok = false;
      }
    }
    return ok;
  }

  /** The values a chain is filed under, per dimension, as Envoy normalizes them. */
  private static List<List<Object>> dimensions(FilterChainMatch m) {
    List<Object> serverNames = new ArrayList<>();
    for (String name : m.getServerNamesList()) {
      String lower = name.toLowerCase(Locale.ROOT);
      serverNames.add(lower.startsWith("*.") ? lower.substring(1) : lower);
    }
    List<Object> sourcePorts = new ArrayList<>();
    m.getSourcePortsList().forEach(sourcePorts::add);
    return List.of(
        List.of(m.hasDestinationPort() ? m.getDestinationPort().getValue() : 0),
        orAny(ranges(m.getPrefixRangesList()), ""),
        orAny(serverNames, ""),
        List.of(m.getTransportProtocol()),
        orAny(new ArrayList<>(m.getApplicationProtocolsList()), ""),
        orAny(ranges(m.getDirectSourcePrefixRangesList()), ""),
        List.of(m.getSourceTypeValue()),
        orAny(ranges(m.getSourcePrefixRangesList()), ""),
        orAny(sourcePorts, 0));
  }

  private static List<Object> orAny(List<Object> values, Object any) {
    return values.isEmpty() ? List.of(any) : values;
  }

  private static List<Object> ranges(List<CidrRange> ranges) {
    List<Object> out = new ArrayList<>();
    for (CidrRange r : ranges) {
      out.add(normalized(r));
    }
    return out;
  }

  /** A range as Envoy keys it: the address with its host bits cleared, and the length. */
  static String normalized(CidrRange r) {
    String address = r.getAddressPrefix();
    int length = r.hasPrefixLen() ? r.getPrefixLen().getValue() : 0;
    byte[] bytes = literal(address);
    if (bytes == null) {
      return address.toLowerCase(Locale.ROOT) + "/" + length;
    }
    int bits = bytes.length * 8;
    length = Math.min(length, bits);
    BigInteger value = new BigInteger(1, bytes);
    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        .xor(BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE));
    byte[] masked = value.and(mask).toByteArray();
    byte[] fixed = new byte[bytes.length];
    int copy = Math.min(masked.length, fixed.length);
    System.arraycopy(masked, masked.length - copy, fixed, fixed.length - copy, copy);
    try {
      return InetAddress.getByAddress(fixed).getHostAddress() + "/" + length;
    } catch (UnknownHostException e) {
      return address + "/" + length;
    }
  }

  /** The bytes of an IP literal, or null; never a name lookup. */
  static byte[] literal(String address) {
    if (!address.contains(":") && !dottedQuad(address)) {
      return null; // InetAddress would look a name up
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  private static boolean dottedQuad(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static List<List<Object>> product(List<List<Object>> dimensions) {
    List<List<Object>> out = new ArrayList<>();
    out.add(List.of());
    for (List<Object> d : dimensions) {
      List<List<Object>> next = new ArrayList<>(out.size() * d.size());
      for (List<Object> prefix : out) {
        for (Object v : d) {
          List<Object> key = new ArrayList<>(prefix);
          key.add(v);
          next.add(key);
        }
      }
      out = next;
    }
    return out;
  }
}
