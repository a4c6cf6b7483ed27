package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;
import static dev.tollgate.translator.admission.cel.EvaluationErrors.parsed;
import static dev.tollgate.translator.admission.cel.KubernetesCelTypes.URL;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * Kubernetes' URL library: {@code isURL}, {@code url} and the accessors. A URL must be absolute or
 * an absolute path; a missing part reads as an empty string (an empty map for the query).
 */
final class UrlLibrary implements KubernetesCelLibrary {

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration("url", newGlobalOverload("string_to_url", URL, SimpleType.STRING)),
        newFunctionDeclaration("isURL", newGlobalOverload("is_url_string", SimpleType.BOOL, SimpleType.STRING)),
        accessor("getScheme", "url_get_scheme"),
        accessor("getHost", "url_get_host"),
        accessor("getHostname", "url_get_hostname"),
        accessor("getPort", "url_get_port"),
        accessor("getEscapedPath", "url_get_escaped_path"),
        newFunctionDeclaration("getQuery", newMemberOverload("url_get_query",
            MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)), URL)));
  }

  private static CelFunctionDecl accessor(String name, String overloadId) {
    return newFunctionDeclaration(name, newMemberOverload(overloadId, SimpleType.STRING, URL));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("string_to_url", String.class, text -> parsed(() -> {
          // Validity is ParseRequestURI's; the parts are Parse's, which splits off the fragment.
          UrlParser.parseRequestUri(text);
          return UrlParser.parse(text);
        })),
        CelFunctionBinding.from("is_url_string", String.class, UrlParser::isValidRequestUri),
        CelFunctionBinding.from("url_get_scheme", Url.class, Url::scheme),
        CelFunctionBinding.from("url_get_host", Url.class, Url::host),
        CelFunctionBinding.from("url_get_hostname", Url.class, Url::hostname),
        CelFunctionBinding.from("url_get_port", Url.class, Url::port),
        CelFunctionBinding.from("url_get_escaped_path", Url.class, Url::escapedPath),
        CelFunctionBinding.from("url_get_query", Url.class, Url::query));
  }
}
