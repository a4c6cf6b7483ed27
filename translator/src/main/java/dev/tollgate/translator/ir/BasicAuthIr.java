package dev.tollgate.translator.ir;

/**
 * HTTP basic authentication against htpasswd entries ({@code {SHA}} hashes). {@link #toString()}
 * never prints them.
 *
 * @param filterName the HTTP filter's name, one per policy (enabled per route)
 * @param forwardUsernameHeader the header the authenticated user's name is sent upstream in, or null
 */
public record BasicAuthIr(String filterName, String htpasswd, String forwardUsernameHeader) {

  @Override
  public String toString() {
    return "BasicAuthIr[filterName=" + filterName + ", htpasswd=<redacted>, forwardUsernameHeader=" + forwardUsernameHeader + "]";
  }
}
