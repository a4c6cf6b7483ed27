package dev.tollgate.translator.validate.rules;

import java.util.function.Predicate;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.KnownRegex;
import io.envoyproxy.pgv.validate.Validate.StringRules;

/** PGV's string rules. Lengths count code points, byte lengths UTF-8 bytes; patterns are RE2. */
final class StringCheck implements FieldCheck {

  private final StringRules r;
  private final Predicate<String> pattern;

  StringCheck(StringRules rules) {
    this.r = rules;
    this.pattern = rules.hasPattern() ? Patterns.compile(rules.getPattern()) : null;
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    if (value == null) {
      return;
    }
    String s = (String) value;
    if (r.getIgnoreEmpty() && s.isEmpty()) {
      return;
    }
    if (r.hasConst() && !s.equals(r.getConst())) {
      sink.add(path, "must equal \"" + r.getConst() + "\"");
    }
    long chars = s.codePointCount(0, s.length());
    if (r.hasLen() && chars != r.getLen()) {
      sink.add(path, "must be exactly " + r.getLen() + " characters long");
    }
    if (r.hasMinLen() && chars < r.getMinLen()) {
      sink.add(path, r.getMinLen() == 1 ? "must not be empty" : "must be at least " + r.getMinLen() + " characters long");
    }
    if (r.hasMaxLen() && chars > r.getMaxLen()) {
      sink.add(path, "must be at most " + r.getMaxLen() + " characters long");
    }
    if (r.hasLenBytes() || r.hasMinBytes() || r.hasMaxBytes()) {
      int bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (r.hasLenBytes() && bytes != r.getLenBytes()) {
        sink.add(path, "must be exactly " + r.getLenBytes() + " bytes long");
      }
      if (r.hasMinBytes() && bytes < r.getMinBytes()) {
        sink.add(path, "must be at least " + r.getMinBytes() + " bytes long");
      }
      if (r.hasMaxBytes() && bytes > r.getMaxBytes()) {
        sink.add(path, "must be at most " + r.getMaxBytes() + " bytes long");
      }
    }
    if (pattern != null && !pattern.test(s)) {
      sink.add(path, "must match the pattern \"" + r.getPattern() + "\"");
    }
    if (r.hasPrefix() && !s.startsWith(r.getPrefix())) {
      sink.add(path, "must start with \"" + r.getPrefix() + "\"");
    }
    if (r.hasSuffix() && !s.endsWith(r.getSuffix())) {
      sink.add(path, "must end with \"" + r.getSuffix() + "\"");
    }
    if (r.hasContains() && !s.contains(r.getContains())) {
      sink.add(path, "must contain \"" + r.getContains() + "\"");
    }
    if (r.hasNotContains() && s.contains(r.getNotContains())) {
      sink.add(path, "must not contain \"" + r.getNotContains() + "\"");
    }
    if (r.getInCount() > 0 && !r.getInList().contains(s)) {
      sink.add(path, "must be one of " + r.getInList() + ", not " + Violation.quote(s));
    }
    if (r.getNotInCount() > 0 && r.getNotInList().contains(s)) {
      sink.add(path, "must not be one of " + r.getNotInList());
    }
    wellKnown(s, path, sink);
  }

  private void wellKnown(String s, Location path, ViolationSink sink) {
    switch (r.getWellKnownCase()) {
      case EMAIL -> require(r.getEmail() && !WellKnown.isEmail(s), "an email address", path, sink);
      case HOSTNAME -> require(r.getHostname() && !WellKnown.isHostname(s), "a hostname", path, sink);
      case IP -> require(r.getIp() && !WellKnown.isIp(s), "an IP address", path, sink);
      case IPV4 -> require(r.getIpv4() && !WellKnown.isIpv4(s), "an IPv4 address", path, sink);
      case IPV6 -> require(r.getIpv6() && !WellKnown.isIpv6(s), "an IPv6 address", path, sink);
      case URI -> require(r.getUri() && !WellKnown.isUri(s), "an absolute URI", path, sink);
      case URI_REF -> require(r.getUriRef() && !WellKnown.isUriRef(s), "a URI reference", path, sink);
      case ADDRESS -> require(r.getAddress() && !WellKnown.isIp(s) && !WellKnown.isHostname(s),
          "a hostname or IP address", path, sink);
      case UUID -> require(r.getUuid() && !WellKnown.isUuid(s), "a UUID", path, sink);
      case WELL_KNOWN_REGEX -> headerRegex(s, path, sink);
      default -> { }
    }
  }

  private void headerRegex(String s, Location path, ViolationSink sink) {
    boolean strict = !r.hasStrict() || r.getStrict();
    KnownRegex kind = r.getWellKnownRegex();
    boolean ok = !strict ? WellKnown.isLaxHeader(s)
        : kind == KnownRegex.HTTP_HEADER_NAME ? WellKnown.isStrictHeaderName(s)
        : kind != KnownRegex.HTTP_HEADER_VALUE || WellKnown.isStrictHeaderValue(s);
    if (!ok) {
      // Names are shown; values are not, since they may carry credentials.
      sink.add(path, kind == KnownRegex.HTTP_HEADER_NAME
          ? "must be a valid HTTP header name, not " + Violation.quote(s)
          : "must be a valid HTTP header value (no control characters; the value is not shown)");
    }
  }

  private static void require(boolean broken, String what, Location path, ViolationSink sink) {
    if (broken) {
      sink.add(path, "must be " + what);
    }
  }
}
