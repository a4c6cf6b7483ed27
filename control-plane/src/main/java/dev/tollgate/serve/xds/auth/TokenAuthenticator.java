package dev.tollgate.serve.xds.auth;

/** Says which Gateway the presenter of a token serves, or why it serves none. */
@FunctionalInterface
public interface TokenAuthenticator {

  ProxyAuthResult authenticate(String token);
}
