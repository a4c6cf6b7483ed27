package dev.tollgate.serve.xds.auth;

import java.util.Optional;

/** A proxy's identity, or why it has none; {@code detail} names objects, never the token. */
public record ProxyAuthResult(Optional<ProxyIdentity> identity, Rejection rejection, String detail) {

  static ProxyAuthResult proved(ProxyIdentity identity) {
    return new ProxyAuthResult(Optional.of(identity), null, "");
  }

  static ProxyAuthResult rejected(Rejection rejection, String detail) {
    return new ProxyAuthResult(Optional.empty(), rejection, detail);
  }
}
