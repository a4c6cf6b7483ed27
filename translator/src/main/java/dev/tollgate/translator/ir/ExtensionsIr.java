package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;
import java.util.List;

/**
 * The extensions an EnvoyExtensionPolicy runs on one route, each its own filter, in the policy's
 * order: Lua scripts, external processors, then Wasm modules.
 *
 * @param policy the EnvoyExtensionPolicy
 */
public record ExtensionsIr(ObjectKey policy, List<Lua> lua, List<ExtProc> extProc, List<Wasm> wasm) {

  public ExtensionsIr {
    lua = List.copyOf(lua);
    extProc = List.copyOf(extProc);
    wasm = wasm == null ? List.of() : List.copyOf(wasm);
  }

  /**
   * A Wasm module Tollgate fetched and serves to the proxies itself.
   *
   * @param url where proxies fetch it: Tollgate's module server
   * @param sha256 the module's digest, which the proxy checks
   * @param server the cluster of Tollgate's module server
   * @param configuration the JSON handed to the module, or null
   * @param hostKeys environment variables of the proxy the module may read
   */
  public record Wasm(String filterName, String name, String rootId, String url, String sha256, DestinationIr server,
      String configuration, List<String> hostKeys, boolean failOpen) {
    public Wasm {
      hostKeys = List.copyOf(hostKeys);
    }
  }

  /** A Lua script, syntax-checked when the policy was read. */
  public record Lua(String filterName, String source) {}

  /**
   * An external processor over gRPC.
   *
   * @param requestBody null when the request body is not sent; else Envoy's body mode
   * @param shadow send and go: the processor's answers are not waited for nor applied
   */
  public record ExtProc(
      String filterName,
      DestinationIr destination,
      String authority,
      boolean failOpen,
      long messageTimeoutMillis,
      boolean requestHeaders,
      String requestBody,
      List<String> requestAttributes,
      boolean responseHeaders,
      String responseBody,
      List<String> responseAttributes,
      boolean allowModeOverride,
      List<String> forwardedMetadata,
      List<String> receivedMetadata,
      boolean shadow) {
    public ExtProc {
      requestAttributes = List.copyOf(requestAttributes);
      responseAttributes = List.copyOf(responseAttributes);
      forwardedMetadata = List.copyOf(forwardedMetadata);
      receivedMetadata = List.copyOf(receivedMetadata);
    }

    /** The same processor reached anew (after an endpoint change). */
    public ExtProc withDestination(DestinationIr d) {
      return new ExtProc(filterName, d, authority, failOpen, messageTimeoutMillis, requestHeaders, requestBody,
          requestAttributes, responseHeaders, responseBody, responseAttributes, allowModeOverride, forwardedMetadata,
          receivedMetadata, shadow);
    }
  }
}
