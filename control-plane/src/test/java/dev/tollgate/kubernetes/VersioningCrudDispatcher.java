package dev.tollgate.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fabric8's CRUD dispatcher with its resourceVersion and generation bumps computed by comparing
 * trees. The mock's own use fabric8's zjsonpatch 8 (Jackson 3), which this build cannot have: the
 * translator and patch modules use zjsonpatch 7.9 (Jackson 2) under the same class names, so every
 * PUT or PATCH to the plain mock fails with a NoSuchMethodError and the client times out.
 * Same behaviour: a changed object gets a new resourceVersion, a change outside metadata and
 * status a new generation. Two additions an API server has: a status PUT naming an older
 * resourceVersion is refused with 409 Conflict, and a test can make the next PUT to a path
 * conflict, as a write by someone else between a read and a write would, or forbid reads.
 */
public class VersioningCrudDispatcher extends KubernetesCrudDispatcher {

  private final Set<String> conflictNext = ConcurrentHashMap.newKeySet();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();

  /** The next PUT to {@code path} is answered 409 Conflict. */
  public void conflictOnce(String path) {
    conflictNext.add(path);
  }

  /** Every GET whose decoded path and query contain {@code part} is answered 403 Forbidden, as RBAC would. */
  public void forbidReads(String part) {
    forbidden.add(part);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String target = java.net.URLDecoder.decode(request.getPath(), java.nio.charset.StandardCharsets.UTF_8);
    if (request.getMethod().equals("GET") && forbidden.stream().anyMatch(target::contains)) {
      return new MockResponse().setResponseCode(403).setBody(
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,"
              + "\"message\":\"forbidden by the test\"}");
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    String path = request.getPath();
    if (conflictNext.remove(path) || path.endsWith("/status")
        && staleVersion(path, new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
      return new MockResponse().setResponseCode(409).setBody(
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Conflict\",\"code\":409,"
              + "\"message\":\"the object has been modified; please apply your changes to the latest version and try again\"}");
    }
    return super.handleUpdate(request);
  }

  private boolean staleVersion(String path, String body) {
    AttributeSet key = getKey(path);
    Map.Entry<AttributeSet, String> stored = findResource(key);
    if (stored == null) {
      return false;
    }
    String wanted = Serialization.jsonMapper().readTree(body).path(METADATA).path(RESOURCE_VERSION).asString("");
    String current = Serialization.jsonMapper().readTree(stored.getValue()).path(METADATA).path(RESOURCE_VERSION).asString("");
    return !wanted.isEmpty() && !wanted.equals(current);
  }

  @Override
  public void touchResourceVersion(JsonNode currentResource, JsonNode updatedResource) {
    if (!currentResource.equals(updatedResource)) {
      ((ObjectNode) updatedResource.get(METADATA)).put(RESOURCE_VERSION, String.valueOf(requestResourceVersion()));
    }
  }

  @Override
  public void touchGeneration(JsonNode currentResource, JsonNode updatedResource) {
    if (!specOf(currentResource).equals(specOf(updatedResource))) {
      ((ObjectNode) updatedResource.get(METADATA)).put(GENERATION,
          currentResource.path(METADATA).path(GENERATION).asInt(0) + 1);
    }
  }

  private static JsonNode specOf(JsonNode resource) {
    ObjectNode copy = ((ObjectNode) resource).deepCopy();
    copy.remove(METADATA);
    copy.remove("status");
    return copy;
  }
}
