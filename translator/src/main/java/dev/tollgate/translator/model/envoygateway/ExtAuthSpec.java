package dev.tollgate.translator.model.envoygateway;

import dev.tollgate.translator.model.gatewayapi.BackendRef;
import java.util.List;

/**
 * A SecurityPolicy's {@code extAuth}: external authorization over gRPC or HTTP. Beyond Envoy
 * Gateway's fields, {@code bodyToExtAuth} takes {@code allowPartialMessage} and
 * {@code packAsBytes}, Envoy's switches for sending a truncated body and sending it as raw bytes,
 * and {@code jwtPayloadToExtAuth}, which sends the verified JWT payloads along as metadata.
 */
public record ExtAuthSpec(
    Service grpc,
    HttpService http,
    List<String> headersToExtAuth,
    BodyToExtAuth bodyToExtAuth,
    Boolean failOpen,
    String timeout,
    Integer statusOnError,
    Boolean recomputeRoute,
    List<ContextExtension> contextExtensions,
    Boolean includeRouteMetadata,
    Boolean jwtPayloadToExtAuth) {

  public ExtAuthSpec {
    headersToExtAuth = headersToExtAuth == null ? List.of() : headersToExtAuth;
    contextExtensions = contextExtensions == null ? List.of() : contextExtensions;
  }

  /** The authorization service: {@code backendRefs}, or the deprecated single {@code backendRef}. */
  public record Service(BackendRef backendRef, List<BackendRef> backendRefs) {
    public Service {
      backendRefs = backendRefs == null ? List.of() : backendRefs;
    }

    public List<BackendRef> references() {
      return backendRef != null ? List.of(backendRef) : backendRefs;
    }
  }

  public record HttpService(
      BackendRef backendRef, List<BackendRef> backendRefs, String path, List<String> headersToBackend) {
    public HttpService {
      backendRefs = backendRefs == null ? List.of() : backendRefs;
      headersToBackend = headersToBackend == null ? List.of() : headersToBackend;
    }

    public Service service() {
      return new Service(backendRef, backendRefs);
    }
  }

  public record BodyToExtAuth(Integer maxRequestBytes, Boolean allowPartialMessage, Boolean packAsBytes) {}

  /** A value passed to the authorization service as a context extension. */
  public record ContextExtension(String name, String type, String value, ValueRef valueRef) {}

  /** A key of a ConfigMap or Secret in the policy's namespace. */
  public record ValueRef(String group, String kind, String name, String key) {}
}
