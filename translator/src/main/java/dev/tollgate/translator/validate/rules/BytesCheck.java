package dev.tollgate.translator.validate.rules;

import com.google.protobuf.ByteString;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.BytesRules;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** PGV's bytes rules. Values are never shown in messages: bytes fields often hold secrets. */
final class BytesCheck implements FieldCheck {

  private final BytesRules r;
  private final java.util.function.Predicate<String> pattern;

  BytesCheck(BytesRules rules) {
    this.r = rules;
    this.pattern = rules.hasPattern() ? Patterns.compile(rules.getPattern()) : null;
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    if (value == null) {
      return;
    }
    ByteString b = (ByteString) value;
    if (r.getIgnoreEmpty() && b.isEmpty()) {
      return;
    }
    if (r.hasConst() && !b.equals(r.getConst())) {
      sink.add(path, "must equal the required constant");
    }
    if (r.hasLen() && b.size() != r.getLen()) {
      sink.add(path, "must be exactly " + r.getLen() + " bytes long");
    }
    if (r.hasMinLen() && b.size() < r.getMinLen()) {
      sink.add(path, r.getMinLen() == 1 ? "must not be empty" : "must be at least " + r.getMinLen() + " bytes long");
    }
    if (r.hasMaxLen() && b.size() > r.getMaxLen()) {
      sink.add(path, "must be at most " + r.getMaxLen() + " bytes long");
    }
    if (pattern != null && !pattern.test(b.toString(StandardCharsets.UTF_8))) {
      sink.add(path, "must match the pattern \"" + r.getPattern() + "\"");
    }
    if (r.hasPrefix() && !b.startsWith(r.getPrefix())) {
      sink.add(path, "must start with the required prefix");
    }
    if (r.hasSuffix() && !b.endsWith(r.getSuffix())) {
      sink.add(path, "must end with the required suffix");
    }
    if (r.hasContains() && b.toString(StandardCharsets.ISO_8859_1).indexOf(r.getContains().toString(StandardCharsets.ISO_8859_1)) < 0) {
      sink.add(path, "must contain the required bytes");
    }
    if (r.getInCount() > 0 && !r.getInList().contains(b)) {
      sink.add(path, "must be one of the allowed values");
    }
    if (r.getNotInList().contains(b)) {
      sink.add(path, "must not be one of the forbidden values");
    }
    int ipLength = b.size();
    boolean isIp = ipLength == 4 || ipLength == 16;
    if (r.getIp() && !isIp || r.getIpv4() && ipLength != 4 || r.getIpv6() && ipLength != 16) {
      sink.add(path, "must be an IP address in binary form");
    }
    if (isIp && (r.getIp() || r.getIpv4() || r.getIpv6())) {
      try {
        InetAddress.getByAddress(b.toByteArray());
      } catch (UnknownHostException e) {
        sink.add(path, "must be an IP address in binary form");
      }
    }
  }
}
