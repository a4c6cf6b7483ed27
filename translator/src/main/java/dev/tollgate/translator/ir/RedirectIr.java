package dev.tollgate.translator.ir;

/**
 * An HTTP redirect. Null fields keep the request's value.
 *
 * @param fullPath replaces the whole path
 * @param prefixRewrite replaces the matched path prefix
 */
public record RedirectIr(
    String scheme, String hostname, Integer port, String fullPath, PrefixRewriteIr prefixRewrite, int statusCode) {}
