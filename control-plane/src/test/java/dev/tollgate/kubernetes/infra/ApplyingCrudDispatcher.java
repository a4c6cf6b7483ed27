package dev.tollgate.kubernetes.infra;

import dev.tollgate.kubernetes.VersioningCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CRUD mock with server-side apply, which fabric8's mock does not support (it answers a PATCH of
 * {@code application/apply-patch+yaml} with 415). Emulated as far as these tests need: an apply
 * creates the object when it is missing, and otherwise merges the applied fields into it as a JSON
 * merge patch (RFC 7386) does — maps merged, lists replaced — and stores the result as a PUT would
 * (the mock's own merge patch appends to lists). A real API server also drops fields a manager
 * stops applying and tracks managedFields; the reconciler's tests do not depend on either. Every
 * apply is recorded with its query and content type, and requests can be made to fail.
 */
public class ApplyingCrudDispatcher extends VersioningCrudDispatcher {

  /** One apply as received: its path with query, and content type. */
  public record Apply(String path, String contentType, String body) {}

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final List<Apply> applies = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureCode = 500;

  /** The next {@code n} applies and deletes are answered {@code code}, as an API server in trouble would. */
  public void failNext(int n, int code) {
    failureCode = code;
    failures.set(n);
  }

  public List<Apply> applies() {
    return List.copyOf(applies);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    boolean write = request.getMethod().equals("PATCH") || request.getMethod().equals("DELETE");
    if (write && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return new MockResponse().setResponseCode(failureCode).setBody(
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + failureCode
              + ",\"message\":\"failed by the test\"}");
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.startsWith("application/apply-patch")) {
      return super.handlePatch(request);
    }
    String body = serialization.convertToJson(request.getUtf8Body());
    applies.add(new Apply(request.getPath(), type, body));
    String path = request.getPath().contains("?") ? request.getPath().substring(0, request.getPath().indexOf('?')) : request.getPath();
    Buffer buffer = new Buffer(body.getBytes(StandardCharsets.UTF_8));
    if (findResource(getKey(path)) == null) {
      Headers json = Headers.builder().add("Content-Type", "application/json").build();
      return handleCreate(new RecordedRequest("HTTP/1.1", HttpMethod.POST, path.substring(0, path.lastIndexOf('/')), json, buffer));
    }
    JsonNode stored = Serialization.jsonMapper().readTree(findResource(getKey(path)).getValue());
    JsonNode merged = merge(stored, Serialization.jsonMapper().readTree(body));
    Headers json = Headers.builder().add("Content-Type", "application/json").build();
    return handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, path, json,
        new Buffer(merged.toString().getBytes(StandardCharsets.UTF_8))));
  }

  /** RFC 7386: objects merged key by key, a null removes, anything else (lists too) replaces. */
  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode out = target.isObject() ? ((ObjectNode) target).deepCopy() : Serialization.jsonMapper().createObjectNode();
    for (var e : patch.properties()) {
      if (e.getValue().isNull()) {
        out.remove(e.getKey());
      } else {
        out.set(e.getKey(), merge(out.path(e.getKey()), e.getValue()));
      }
    }
    return out;
  }
}
